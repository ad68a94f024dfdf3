using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Accuracy;

/// <summary>
/// The monthly control list's one parameter, from <c>rules/settings/control-list.yaml</c>: how many enrolled people
/// the rules did not flag are drawn per township (抽查人数). A parameter beside the rules, because its size decides how
/// well the miss rate is measured and how much work the townships are given, and the county may change both.
/// </summary>
/// <param name="PerTownship">People drawn per township each month (fewer when a township has fewer unflagged people).</param>
public sealed record ControlListParameters(int PerTownship)
{
    /// <summary>The file's name, in the <see cref="Folder"/> sub-folder of the rules folder.</summary>
    public const string FileName = "control-list.yaml";

    /// <summary>The rules folder's sub-folder of settings that are not rules (rule files are every <c>*.yaml</c> at its top).</summary>
    public const string Folder = "settings";

    /// <summary>20 per township: about a working day's visits for a township, a miss rate with n ≈ 20 × townships a month.</summary>
    public static ControlListParameters Default { get; } = new(20);

    /// <summary>The most a township is given in a month.</summary>
    public const int MaxPerTownship = 500;

    private static readonly string[] Fields = ["per_township"];

    /// <summary>Reads the file: a mapping with <c>per_township</c> (1–<see cref="MaxPerTownship"/>), nothing else.</summary>
    /// <exception cref="RuleFileException">The file is not valid; the message names the file, the line and what was expected.</exception>
    public static ControlListParameters Load(RuleFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var reader = new YamlFileReader(file.Name, "control-list settings (per_township)");
        var root = reader.Root(file.Text);
        reader.RejectUnknown(root, Fields, "setting");
        return new ControlListParameters(reader.Integer(root, "per_township", 1, "a whole number of people, at least 1", MaxPerTownship));
    }
}
