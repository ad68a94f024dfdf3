using System.Diagnostics;
using System.Text;

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
}
