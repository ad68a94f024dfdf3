using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Sampling;

/// <summary>
/// The seed of a township's draw: the first four bytes (big-endian, top bit cleared) of the SHA-256 of
/// <c>dibao-sample|YYYY-MM|township</c> in UTF-8. A stable function of the period and the township on every
/// machine and every .NET version (string.GetHashCode is randomised per process), so anyone holding the
/// roster can draw the same sample again; it is stored with the draw all the same.
/// </summary>
public static class SampleSeed
{
    public static int For(ReportingMonth period, string township) => For("dibao-sample", period, township);

    /// <summary>
    /// The seed of another of the county's monthly draws, named by <paramref name="purpose"/> in place of
    /// <c>dibao-sample</c> (the control list's is <c>control-list</c>), so that two draws of a month never share a seed.
    /// </summary>
    public static int For(string purpose, ReportingMonth period, string township)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(township);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}|{period}|{township}"));
        return BinaryPrimitives.ReadInt32BigEndian(hash) & int.MaxValue;
    }
}
