using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReliefMatch.Core.Places;
using ReliefMatch.Readers;
using ReliefMatch.SampleData;

namespace ReliefMatch.Host.Runs;

/// <summary>
/// The county this installation serves (docs/rules.md: the home county). It is installation data, kept in the home as
/// <see cref="FileName"/> (written by <c>reliefmatch init</c> or the first run given <c>--county</c>), never a
/// compiled default: a forgotten argument must not silently mean some county, since the home county decides whose
/// roster rows count as ours and which enrolments are duplicates across counties.
/// </summary>
public sealed record Installation
{
    /// <summary>The file, in the home and in a drop folder that carries its county (the sample's does).</summary>
    public const string FileName = "county.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="homeCountyCode">The six-digit administrative division code (区划代码), e.g. 450326.</param>
    /// <param name="countyName">The county's name as it heads worklists and the 统计表, e.g. 永福县.</param>
    /// <exception cref="InstallationException">The code is not six digits or the name is empty.</exception>
    public Installation(string homeCountyCode, string countyName)
    {
        homeCountyCode = homeCountyCode?.Trim() ?? "";
        countyName = countyName?.Trim() ?? "";
        if (homeCountyCode.Length != 6 || !homeCountyCode.All(char.IsAsciiDigit))
        {
            throw new InstallationException(
                $"县区划代码 '{homeCountyCode}' 不是六位数字 (the county code must be the six-digit administrative division code, e.g. 450326).");
        }
        if (countyName.Length == 0)
        {
            throw new InstallationException($"县 {homeCountyCode} 缺少名称 (the county {homeCountyCode} needs its name, e.g. 永福县).");
        }
        HomeCountyCode = homeCountyCode;
        CountyName = countyName;
    }

    public string HomeCountyCode { get; }

    public string CountyName { get; }

    /// <summary>The county as everything downstream takes it: the rules, evidence, the 统计表 and the outputs.</summary>
    public HomeCounty County => new(HomeCountyCode, CountyName);

    /// <summary>The county the sample generator writes (its drop folders carry it in <see cref="FileName"/>).</summary>
    public static Installation OfSample { get; } = new(SampleGenerator.HomeCountyCode, SampleGenerator.HomeCountyName)
    {
        Townships = SampleGenerator.HomeTownships,
    };

    /// <summary>
    /// The county's townships as the installation lists them (<c>townships</c> in the county file; the sample's nine
    /// for its county): a township user may be given one of these (or one an imported roster names) before any roster
    /// is imported.
    /// </summary>
    public IReadOnlyList<string> Townships { get; init; } = [];

    /// <summary>Equal when the county, its name and the townships listed (in order) are.</summary>
    public bool Equals(Installation? other) =>
        other is not null && HomeCountyCode == other.HomeCountyCode && CountyName == other.CountyName
        && Townships.SequenceEqual(other.Townships, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(HomeCountyCode, CountyName, Townships.Count);

    /// <summary>What the readers need to know of the home county (rows without a county code belong to it).</summary>
    public ExtractReaderOptions ReaderOptions => new() { HomeCountyCode = HomeCountyCode, HomeCountyName = CountyName };

    public override string ToString() => $"{CountyName}（{HomeCountyCode}）";

    /// <summary>The county written in <paramref name="folder"/>, or null when the folder has none.</summary>
    /// <exception cref="InstallationException">The file is there but is not a county file.</exception>
    public static Installation? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }
        CountyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CountyFile>(File.ReadAllText(path, Encoding.UTF8), Json);
        }
        catch (JsonException e)
        {
            throw new InstallationException($"{path}: 不是县设置文件 (not a county file: {e.Message}); 应为 {{\"county\": \"450326\", \"name\": \"永福县\"}}.");
        }
        try
        {
            return new Installation(file?.County ?? "", file?.Name ?? "") { Townships = file?.Townships ?? [] };
        }
        catch (InstallationException e)
        {
            throw new InstallationException($"{path}: {e.Message}");
        }
    }

    /// <summary>Writes this county to <paramref name="folder"/> (created if needed); returns the file's path.</summary>
    public string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(new CountyFile(HomeCountyCode, CountyName, Townships.Count == 0 ? null : [.. Townships]), Json) + "\n", new UTF8Encoding(false));
        return path;
    }

    private sealed record CountyFile(
        [property: JsonPropertyName("county")] string? County,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("townships"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string[]? Townships = null);
}
