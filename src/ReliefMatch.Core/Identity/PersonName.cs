namespace ReliefMatch.Core.Identity;

/// <summary>Name comparison as docs/identity.md defines it: ordinal, after removing spaces and the separators · • .</summary>
public static class PersonName
{
    public static string Normalise(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }
        var needs = false;
        foreach (var c in name)
        {
            if (IsIgnored(c) || c is >= '\uFF01' and <= '\uFF5E')
            {
                needs = true;
                break;
            }
        }
        if (!needs)
        {
            return name;
        }
        var sb = new System.Text.StringBuilder(name.Length);
        foreach (var c0 in name)
        {
            var c = c0 is >= '\uFF01' and <= '\uFF5E' ? (char)(c0 - 0xFEE0) : c0;
            if (!IsIgnored(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    public static bool Same(string? a, string? b) => string.Equals(Normalise(a), Normalise(b), StringComparison.Ordinal);

    private static bool IsIgnored(char c) =>
        char.IsWhiteSpace(c) || c is '·' or '•' or '.' or '\u30FB' or '\u2027' or '\u00B7' or '\u200B';
}
