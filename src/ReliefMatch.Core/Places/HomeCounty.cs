namespace ReliefMatch.Core.Places;

/// <summary>
/// The county an installation serves: its six-digit 区划代码 and its name. It is installation data, set once
/// (<c>reliefmatch init</c>) and passed to everything that needs it — which roster rows are the home county's, how
/// evidence, worklists and the 统计表 name it — so that no part of the program assumes a county of its own.
/// </summary>
public sealed record HomeCounty
{
    /// <exception cref="ArgumentException">The code is not six digits, or the name is blank.</exception>
    public HomeCounty(string code, string name)
    {
        code = code?.Trim() ?? "";
        name = name?.Trim() ?? "";
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"a county code is six digits (区划代码, e.g. 450326); found '{code}'.", nameof(code));
        }
        if (name.Length == 0)
        {
            throw new ArgumentException("a county needs its name (e.g. 永福县).", nameof(name));
        }
        Code = code;
        Name = name;
    }

    /// <summary>The six-digit 区划代码, e.g. 450326.</summary>
    public string Code { get; }

    /// <summary>The name worklists, the 统计表 and evidence give the county, e.g. 永福县.</summary>
    public string Name { get; }

    public override string ToString() => $"{Name}（{Code}）";
}
