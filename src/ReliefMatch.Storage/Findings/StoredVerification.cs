using Npgsql;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Findings;

/// <summary>Reads a finding's <see cref="Verification"/> from the six columns every reader of it selects in one order.</summary>
internal static class StoredVerification
{
    /// <summary>The SQL of the columns, after <c>f.</c>, in the order <see cref="Read"/> takes them.</summary>
    public const string Columns = "f.disposition_reason, f.checked_by, f.checked_on, f.answered_in, f.first_confirmed_on, f.first_confirmed_by";

    /// <summary>The verification starting at column <paramref name="first"/> (disposition_reason), or null for an open or closed finding.</summary>
    public static Verification? Read(NpgsqlDataReader r, FindingStatus status, int first)
    {
        if (status is not (FindingStatus.Confirmed or FindingStatus.Dismissed))
        {
            return null;
        }
        return new Verification
        {
            Reason = r.IsDBNull(first) ? null : r.GetString(first),
            CheckedBy = r.IsDBNull(first + 1) ? null : r.GetString(first + 1),
            CheckedOn = r.IsDBNull(first + 2) ? null : r.GetFieldValue<DateOnly>(first + 2),
            AnsweredIn = r.IsDBNull(first + 3) ? null : ReportingMonth.Parse(r.GetString(first + 3)),
            FirstConfirmedOn = r.IsDBNull(first + 4) ? null : r.GetFieldValue<DateOnly>(first + 4),
            FirstConfirmedBy = r.IsDBNull(first + 5) ? null : r.GetString(first + 5),
        };
    }
}
