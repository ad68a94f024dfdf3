namespace ReliefMatch.Core.Rules;

/// <summary>
/// One rule file, validated: what it checks (<see cref="Kind"/> and <see cref="Parameters"/>), how it is
/// named to users, and what the township is asked to do. <see cref="Id"/> and <see cref="Version"/> are
/// recorded with every finding so that a flag can be re-derived months later.
/// </summary>
public sealed record Rule
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    /// <summary>规则名称, shown on worklists.</summary>
    public required string Title { get; init; }
    public required RuleKind Kind { get; init; }
    public required RuleParameters Parameters { get; init; }
    /// <summary>建议处置.</summary>
    public required string Action { get; init; }
    /// <summary>Days the township has to act after end(P).</summary>
    public required int DueDays { get; init; }
    /// <summary>Whether the rule's findings count in 数据预警.</summary>
    public required bool DataWarning { get; init; }
    public bool Enabled { get; init; } = true;
    /// <summary>The file the rule was read from, for messages.</summary>
    public string File { get; init; } = "";
}
