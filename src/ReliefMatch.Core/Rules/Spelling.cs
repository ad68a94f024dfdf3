namespace ReliefMatch.Core.Rules;

/// <summary>How enum names are spelt in files: <c>DeceasedRecipient</c> is <c>deceased-recipient</c>.</summary>
internal static class Spelling
{
    public static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
