namespace ReliefMatch.Core.Rules;

/// <summary>The text of one rule file and the name to use for it in messages. The host reads the folder.</summary>
public sealed record RuleFile(string Name, string Text);
