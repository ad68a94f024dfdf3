using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Findings;

/// <summary>
/// One piece of evidence behind a finding: the extract and row it came from and what it says, in Chinese,
/// as printed on the worklist (e.g. <c>公安户籍注销：2023-05-12 死亡</c>).
/// </summary>
public sealed record Evidence(SourceRef Source, long ExtractId, int Row, string Text);
