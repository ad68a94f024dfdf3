using System.Runtime.InteropServices;

namespace ReliefMatch.Host.Bench;

/// <summary>The machine a bench ran on: figures mean little without it.</summary>
/// <param name="LoadAverage">The 1-minute load average when the bench started (Linux), to tell a busy machine from a slow program.</param>
public sealed record BenchMachine(int Processors, long MemoryBytes, string OperatingSystem, string Runtime, double? LoadAverage)
{
    public static BenchMachine Current() => new(
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        ReadLoadAverage());

    private static double? ReadLoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.TryParse(first, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
