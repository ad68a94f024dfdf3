using System.Security.Cryptography;

namespace ReliefMatch.Host.Outputs;

/// <summary>The SHA-256 of a run's output files, to tell later whether the files in a folder are still the ones it wrote.</summary>
public static class OutputFiles
{
    /// <summary>Each of <paramref name="files"/> (paths relative to <paramref name="folder"/>, '/'-separated) with its SHA-256, two files at a time.</summary>
    public static IReadOnlyDictionary<string, string> Hash(string folder, IReadOnlyList<string> files)
    {
        var hashes = new string[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => hashes[i] = HashOf(Path.Combine(folder, files[i])));
        return Enumerable.Range(0, files.Count).ToDictionary(i => files[i], i => hashes[i], StringComparer.Ordinal);
    }

    /// <summary>Whether every file of <paramref name="recorded"/> is in <paramref name="folder"/> with the recorded SHA-256.</summary>
    public static bool AllUnchanged(string folder, IReadOnlyDictionary<string, string> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var files = recorded.Keys.ToList();
        if (files.Count == 0 || !files.All(f => File.Exists(Path.Combine(folder, f))))
        {
            return false;
        }
        var now = Hash(folder, files);
        return files.All(f => string.Equals(now[f], recorded[f], StringComparison.Ordinal));
    }

    private static string HashOf(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
