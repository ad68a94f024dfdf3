using ReliefMatch.Host.Bench;

namespace ReliefMatch.Tests.Host.Bench;

public sealed class ProcessMemoryTests
{
    [Fact]
    public void ResetPeak_AfterALargeAllocationIsFreed_PeakFallsBackToAboutTheCurrentResidentSet()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(ProcessMemory.PeakResidentBytes());
            return;
        }
        var before = ProcessMemory.PeakResidentBytes()!.Value;
        var withBlock = TouchAndDrop(256 << 20);
        Assert.True(withBlock >= Math.Max(before, 256L << 20), $"peak {withBlock} after touching 256 MiB");
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        Assert.True(ProcessMemory.ResetPeak());
        var peak = ProcessMemory.PeakResidentBytes()!.Value;
        var resident = ProcessMemory.ResidentBytes()!.Value;
        // Reset to the resident set of the moment, which no longer holds the block.
        Assert.True(peak < withBlock, $"peak {peak} after reset, {withBlock} before");
        Assert.InRange(resident, 1, peak + (64L << 20));
    }

    /// <summary>Allocates and touches a block, returns the peak with it resident, and leaves it garbage.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static long TouchAndDrop(int bytes)
    {
        var block = new byte[bytes];
        for (var i = 0; i < block.Length; i += 4096)
        {
            block[i] = 1;
        }
        var peak = ProcessMemory.PeakResidentBytes()!.Value;
        GC.KeepAlive(block);
        return peak;
    }

    [Fact]
    public void ParentOf_ThisProcess_IsItsParent()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var parent = ProcessMemory.ParentOf(Environment.ProcessId);
        Assert.NotNull(parent);
        Assert.NotEqual(Environment.ProcessId, parent);
        Assert.True(ProcessMemory.ProportionalBytes(Environment.ProcessId) > 0);
    }
}
