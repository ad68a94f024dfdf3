namespace ReliefMatch.Storage.Loading;

/// <summary>
/// One instance of each repeated text for the length of one table's load. A province holds millions of rows whose
/// names, ID numbers, townships, villages, institutions and code texts repeat many times; keeping one string per
/// distinct value instead of one per row is most of the memory a loaded month takes. Not thread-safe: each table
/// loads on its own thread with its own pool (a shared concurrent pool measured nearly twice as slow to fill).
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _texts;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars;

    public StringPool()
    {
        _texts = new Dictionary<string, string>(1 << 12, StringComparer.Ordinal);
        _byChars = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The pooled instance equal (ordinal) to <paramref name="text"/>.</summary>
    public string Intern(string text)
    {
        if (text.Length == 0)
        {
            return "";
        }
        if (_texts.TryGetValue(text, out var pooled))
        {
            return pooled;
        }
        _texts.Add(text, text);
        return text;
    }

    /// <summary>The pooled string equal (ordinal) to <paramref name="chars"/>; a string is made only for a value not seen before.</summary>
    public string Intern(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return "";
        }
        if (_byChars.TryGetValue(chars, out var pooled))
        {
            return pooled;
        }
        var text = chars.ToString();
        _texts.Add(text, text);
        return text;
    }
}
