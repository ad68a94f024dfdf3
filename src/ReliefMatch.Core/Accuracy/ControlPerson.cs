using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Accuracy;

/// <summary>
/// An enrolled person of the home county whom no rule flagged in the month: a candidate for the control list, and,
/// once drawn, one of its rows. One per resident ID: a person enrolled in two programmes is one person to visit.
/// </summary>
/// <param name="IdNumber">The ID as normalised (valid, 18 characters).</param>
/// <param name="Programmes">The programmes the person is enrolled in on the roster, in the roster's order of its rows.</param>
public sealed record ControlPerson(string Township, string Village, string HouseholdId, string Name, string IdNumber, IReadOnlyList<Programme> Programmes)
{
    /// <summary>
    /// 抽查编号: <c>KZ</c> and 16 hex digits of the SHA-256 of the month, the township and the ID. Stable (the same person
    /// drawn for the same month has the same number), printed (hidden) on the control list so that a returned list finds
    /// its rows, and never the same as a finding's 预警编号 (<c>YJ…</c>).
    /// </summary>
    public string ReferenceIn(Periods.ReportingMonth period) => ReferencePrefix +
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{period}|{Township}|{IdNumber}")))[..16];

    /// <summary>The letters every 抽查编号 starts with (控制 kòng zhì).</summary>
    public const string ReferencePrefix = "KZ";
}
