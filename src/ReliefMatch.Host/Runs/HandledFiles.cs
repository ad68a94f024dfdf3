using System.Globalization;

namespace ReliefMatch.Host.Runs;

/// <summary>
/// Where the files of a drop folder go once handled, so that no later import is offered them again:
/// imported ones to <c>&lt;home&gt;/imported/&lt;period&gt;/&lt;source&gt;/</c>, refused ones to
/// <c>&lt;home&gt;/refused/&lt;period&gt;/&lt;source&gt;/</c> — the same for a web upload and for the
/// <c>import-inbox</c> job.
/// </summary>
public static class HandledFiles
{
    public const string Imported = "imported";

    public const string Refused = "refused";

    /// <summary>The folder of <paramref name="kind"/> (<see cref="Imported"/> or <see cref="Refused"/>) files of a period and source.</summary>
    public static string Folder(string home, string kind, string period, string source) => Path.Combine(home, kind, period, source);

    /// <summary>Moves <paramref name="path"/> into <paramref name="folder"/>, never over another file (<c>name (2).csv</c>); returns where it went.</summary>
    public static string MoveTo(string path, string folder)
    {
        Directory.CreateDirectory(folder);
        var name = Path.GetFileNameWithoutExtension(path);
        var extension = Path.GetExtension(path);
        var target = Path.Combine(folder, name + extension);
        for (var n = 2; File.Exists(target); n++)
        {
            target = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{name} ({n}){extension}"));
        }
        File.Move(path, target);
        return target;
    }
}
