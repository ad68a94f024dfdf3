using System.Globalization;

namespace ReliefMatch.Host.Bench;

/// <summary>
/// The memory of a Linux process as the kernel counts it (<c>/proc/&lt;pid&gt;/status</c> and <c>smaps_rollup</c>):
/// what an operator sizing a machine needs, GC heap and native allocations together. Elsewhere every value is null.
/// </summary>
public static class ProcessMemory
{
    /// <summary>This process's peak resident set (VmHWM) since it started or since <see cref="ResetPeak"/>, in bytes.</summary>
    public static long? PeakResidentBytes() => StatusValue("/proc/self/status", "VmHWM:");

    /// <summary>This process's resident set now (VmRSS), in bytes.</summary>
    public static long? ResidentBytes() => StatusValue("/proc/self/status", "VmRSS:");

    /// <summary>
    /// Sets the peak to the current resident set (writing 5 to <c>/proc/self/clear_refs</c>, Linux 4.0 and later),
    /// so that a later <see cref="PeakResidentBytes"/> is the peak of what ran in between. Returns false where that
    /// is not possible; the peak then stays the peak since the process started.
    /// </summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>
    /// The proportional set size (PSS) of process <paramref name="pid"/>: its private pages plus its share of the pages
    /// it shares (PostgreSQL's shared buffers are counted once across its processes this way), in bytes.
    /// </summary>
    public static long? ProportionalBytes(int pid) => StatusValue($"/proc/{pid}/smaps_rollup", "Pss:");

    /// <summary>The parent process id of <paramref name="pid"/>, from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
    public static int? ParentOf(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // "pid (comm) state ppid …": the command may hold spaces and parentheses, so split after the last ')'.
        var close = stat.LastIndexOf(')');
        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent) ? parent : null;
    }

    /// <summary>A "Name:   1234 kB" line of a /proc file, in bytes.</summary>
    private static long? StatusValue(string path, string name)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (!line.StartsWith(name, StringComparison.Ordinal))
                {
                    continue;
                }
                var value = line.AsSpan(name.Length).Trim();
                if (value.EndsWith("kB", StringComparison.Ordinal))
                {
                    value = value[..^2].TrimEnd();
                }
                return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes) ? kilobytes * 1024 : null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }
}
