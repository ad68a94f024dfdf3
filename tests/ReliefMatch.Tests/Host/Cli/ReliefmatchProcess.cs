using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ReliefMatch.Host.Runs;

namespace ReliefMatch.Tests.Host.Cli;

/// <summary>Runs the real <c>reliefmatch.dll</c> (built beside the tests) as a separate process.</summary>
public static class ReliefmatchProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the process and returns at once; its standard output and error are redirected, for the caller to read.</summary>
    public static Process Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "reliefmatch.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment.Remove("RELIEFMATCH_DB");
        start.Environment.Remove("RELIEFMATCH_DB_OWNER");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return Process.Start(start)!;
    }

    /// <summary>
    /// Starts the process and kills it (SIGKILL: no clean-up of any kind) as soon as <paramref name="moment"/> holds;
    /// returns whether it was killed (false: it ended first).
    /// </summary>
    public static async Task<bool> KillWhenAsync(IReadOnlyDictionary<string, string?> environment, Func<bool> moment, TimeSpan timeout, params string[] args) =>
        (await FaultWhenAsync(environment, () => Task.FromResult(moment()), KillAsync, timeout, args)).Landed;

    /// <summary>Kills the process with SIGKILL and waits for it to be gone.</summary>
    public static async Task KillAsync(Process process)
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>What <see cref="FaultWhenAsync"/> saw: whether the fault landed before the process ended, and how it ended.</summary>
    public sealed record FaultResult(bool Landed, Result Outcome);

    /// <summary>
    /// Starts the process, polls <paramref name="moment"/> while it runs and applies <paramref name="fault"/> once it
    /// holds, then waits for the process to end. A fault whose moment never came before the process ended did not
    /// land; a process still running after <paramref name="timeout"/> is killed.
    /// </summary>
    public static async Task<FaultResult> FaultWhenAsync(IReadOnlyDictionary<string, string?> environment, Func<Task<bool>> moment,
        Func<Process, Task> fault, TimeSpan timeout, params string[] args)
    {
        using var process = Start(environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        var landed = false;
        while (!process.HasExited && clock.Elapsed < timeout)
        {
            if (await moment() && !process.HasExited)
            {
                await fault(process);
                landed = true;
                break;
            }
            await Task.Delay(10);
        }
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        return new FaultResult(landed, new Result(process.ExitCode, await output, await error));
    }

    /// <summary>
    /// Starts <c>reliefmatch serve --urls http://127.0.0.1:PORT --home HOME</c> (and <paramref name="extra"/>) and returns
    /// once it says it listens, within 60 s; what it writes goes to <paramref name="output"/> when given.
    /// </summary>
    public static async Task<Process> StartServeAsync(IReadOnlyDictionary<string, string?> environment, string home, int port, params string[] extra) =>
        await StartServeAsync(environment, home, port, new StringBuilder(), extra);

    /// <remarks>A home without a county is given the sample's, as <c>reliefmatch init</c> would.</remarks>
    public static async Task<Process> StartServeAsync(IReadOnlyDictionary<string, string?> environment, string home, int port, StringBuilder output, params string[] extra)
    {
        if (Installation.Read(home) is null)
        {
            Installation.OfSample.Write(home);
        }
        var process = Start(environment, ["serve", "--urls", $"http://127.0.0.1:{port}", "--home", home, .. extra]);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
            if (e.Data?.StartsWith("ReliefMatch 网页工作台", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != ready.Task)
        {
            process.Kill(entireProcessTree: true);
            lock (output)
            {
                throw new InvalidOperationException($"reliefmatch serve on port {port} did not start:\n{output}");
            }
        }
        return process;
    }

    /// <summary>
    /// Asks the process to stop as Ctrl+C or a service manager would (SIGTERM) and waits for it, at most
    /// <paramref name="timeout"/>; then kills it (and its children) and returns false.
    /// </summary>
    public static async Task<bool> StopAsync(Process process, TimeSpan timeout)
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            await kill.WaitForExitAsync();
        }
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
