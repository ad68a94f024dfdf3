namespace ReliefMatch.Storage;

/// <summary>
/// PostgreSQL's binary COPY format, as both the import's writer and the loader's reader use it: the file starts
/// with <see cref="Signature"/>, then a flags word and a header-extension length (both 32-bit); a date is the number
/// of days since <see cref="Epoch"/>.
/// </summary>
internal static class BinaryCopy
{
    public static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    public static DateOnly Epoch { get; } = new(2000, 1, 1);
}
