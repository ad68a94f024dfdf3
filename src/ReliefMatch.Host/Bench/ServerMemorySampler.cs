using System.Globalization;

namespace ReliefMatch.Host.Bench;

/// <summary>
/// Samples the memory of the private PostgreSQL server (postmaster and its backends, PSS summed so that shared
/// buffers count once) once a second, because the server is other processes and its peak cannot be read
/// afterwards. The figure is a sampled peak: a spike shorter than the interval can be missed. Reading a backend's
/// memory map costs the kernel time in proportion to its size; sampled five times a second it slowed the load stage.
/// </summary>
public sealed class ServerMemorySampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly int _postmaster;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    private ServerMemorySampler(int postmaster)
    {
        _postmaster = postmaster;
        _loop = Task.Run(SampleAsync);
    }

    /// <summary>A sampler for the cluster in <paramref name="dataDirectory"/>, or null when its processes cannot be read.</summary>
    public static ServerMemorySampler? TryStart(string? dataDirectory)
    {
        if (dataDirectory is null || !OperatingSystem.IsLinux())
        {
            return null;
        }
        try
        {
            // postmaster.pid: the first line is the server's process id.
            var first = File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).FirstOrDefault();
            if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || ProcessMemory.ProportionalBytes(pid) is null)
            {
                return null;
            }
            return new ServerMemorySampler(pid);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The highest sample since the last call (or the start), in bytes; the next period starts from the current value.</summary>
    public long TakePeak()
    {
        var now = Sample();
        var peak = Interlocked.Exchange(ref _peak, now);
        return Math.Max(peak, now);
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                var now = Sample();
                long seen;
                do
                {
                    seen = Interlocked.Read(ref _peak);
                }
                while (now > seen && Interlocked.CompareExchange(ref _peak, now, seen) != seen);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The postmaster's PSS plus that of every process whose parent it is (backends, checkpointer, writers).</summary>
    private long Sample()
    {
        var total = ProcessMemory.ProportionalBytes(_postmaster) ?? 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != _postmaster && ProcessMemory.ParentOf(pid) == _postmaster)
            {
                total += ProcessMemory.ProportionalBytes(pid) ?? 0;
            }
        }
        return total;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
