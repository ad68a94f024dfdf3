namespace ReliefMatch.Storage.Findings;

/// <summary>
/// The 预警编号 (<see cref="ReliefMatch.Core.Findings.Finding.Reference"/>) computed in SQL from the stored key of a
/// finding aliased <c>f</c>, so that a reference can be looked up without storing it.
/// </summary>
internal static class StoredReference
{
    public const string Sql = "('YJ' || upper(left(encode(sha256(convert_to(f.key, 'UTF8')), 'hex'), 16)))";

    public const int Length = 18;
}
