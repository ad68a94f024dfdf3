using System.Diagnostics;

namespace ReliefMatch.Storage.Cluster;

/// <summary>Runs a server program and captures what it says; as root, runs it as the unprivileged server user.</summary>
internal static class ProcessRunner
{
    internal sealed record Result(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;
    }

    /// <summary>PostgreSQL refuses to run as root: the server then runs as this OS user.</summary>
    public const string ServerUser = "postgres";

    public static bool RunningAsRoot => Environment.IsPrivilegedProcess;

    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, bool asServerUser, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // The server user may not be able to enter the caller's working directory.
            WorkingDirectory = "/",
        };
        if (asServerUser && RunningAsRoot)
        {
            start.FileName = "runuser";
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(ServerUser);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        // Keep the server's messages in English and independent of the caller's locale.
        start.Environment["LC_MESSAGES"] = "C";
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment.Remove("PGPASSWORD");

        using var process = new Process { StartInfo = start };
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Result(-1, $"could not start {start.FileName}: {e.Message}");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            cancellationToken.ThrowIfCancellationRequested();
            return new Result(-1, $"{program} did not finish within {timeout.TotalSeconds:0} s");
        }
        process.WaitForExit();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString().Trim());
        }
    }

    public static async Task ChownToServerUserAsync(string path, CancellationToken cancellationToken)
    {
        if (!RunningAsRoot)
        {
            return;
        }
        var result = await RunAsync("chown", ["-R", $"{ServerUser}:", path], asServerUser: false, TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new DatabaseUnavailableException($"Could not give {path} to the '{ServerUser}' user: {result.Output}");
        }
    }

    public static bool ServerUserExists()
    {
        if (!File.Exists("/etc/passwd"))
        {
            return false;
        }
        return File.ReadLines("/etc/passwd").Any(l => l.StartsWith(ServerUser + ":", StringComparison.Ordinal));
    }
}
