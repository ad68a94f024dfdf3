using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Findings;

/// <summary>
/// A flag raised by a rule for a reporting month: who, which home household, why (evidence), and how sure.
/// Its identity across months is <see cref="Key"/>; <see cref="EvidenceFingerprint"/> tells whether the
/// evidence changed (a dismissed finding stays quiet until it does).
/// </summary>
public sealed record Finding
{
    public required string RuleId { get; init; }
    public required int RuleVersion { get; init; }
    /// <summary>The rule's Chinese title (预警类型 on the worklist), from the rule file; empty means the rule id is printed.</summary>
    public string RuleTitle { get; init; } = "";
    /// <summary>The flagged person's normalised 18-character ID; for invalid-roster-id the value as read; for household rules the head's ID.</summary>
    public required string IdNumber { get; init; }
    /// <summary>The home-county household concerned; empty for a low-income person on no roster.</summary>
    public required string HouseholdId { get; init; }
    public required string Name { get; init; }
    public required string Township { get; init; }
    public string Village { get; init; } = "";
    /// <summary>The programmes the person (or household) is enrolled in, in the home county.</summary>
    public IReadOnlyList<Programme> Programmes { get; init; } = [];
    public required Confidence Confidence { get; init; }
    public required IReadOnlyList<Evidence> Evidence { get; init; }
    public required bool FeedsDataWarning { get; init; }
    /// <summary>建议处置, from the rule file.</summary>
    public string SuggestedAction { get; init; } = "";
    /// <summary>Days the township has to act (核查时限 = the run's period end + these days).</summary>
    public int DueDays { get; init; }
    /// <summary>Distinguishes findings of one rule for the same person and household (e.g. the record row for id-name-mismatch); usually empty.</summary>
    public string Discriminator { get; init; } = "";

    /// <summary>Identity of the finding across months.</summary>
    public string Key => $"{RuleId}|{IdNumber}|{HouseholdId}|{Discriminator}";

    /// <summary>
    /// 预警编号: a short stable digest of <see cref="Key"/> — <c>YJ</c> and 16 upper-case hex digits. Printed
    /// worklists carry it instead of the key because the key holds the full resident ID; a returned worklist is
    /// matched back to its findings through it. The letters keep spreadsheet programs from reading an all-digit
    /// digest as a number and rounding it away when a CSV worklist is opened.
    /// </summary>
    public string Reference => ReferencePrefix +
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Key)))[..16];

    /// <summary>The letters every <see cref="Reference"/> starts with (预警 yù jǐng).</summary>
    public const string ReferencePrefix = "YJ";

    /// <summary>A stable digest of the evidence texts: changes when the evidence changes.</summary>
    public string EvidenceFingerprint
    {
        get
        {
            var joined = string.Join("\n", Evidence.Select(e => e.Text).Order(StringComparer.Ordinal));
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(joined)))[..16];
        }
    }
}
