using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// A home-county household of the roster set with the household-level values its member rows agree on
/// (docs/sources.md: where members disagree, the most recent date wins). The one household model: the rules
/// read it, and <see cref="Checks.RosterHouseholds"/> builds the households of the due lists and samples from it.
/// </summary>
internal sealed class RosterHousehold(string id)
{
    /// <summary>
    /// The households of the home rows of <paramref name="roster"/> (a household is its trimmed household_id), in
    /// order of first appearance, and by id. A row with an empty household_id can form no household and joins none.
    /// </summary>
    public static (List<RosterHousehold> Households, Dictionary<string, RosterHousehold> ById) Group(IReadOnlyList<RosterRecord> roster, Func<int, bool> isHomeRow)
    {
        var byId = new Dictionary<string, RosterHousehold>(StringComparer.Ordinal);
        var list = new List<RosterHousehold>();
        // A household's rows mostly follow one another in the file: a row of the household of the home row before it
        // is added without hashing its id (at province scale this spares two of every three lookups of a million-entry table).
        RosterHousehold? previous = null;
        for (var i = 0; i < roster.Count; i++)
        {
            if (!isHomeRow(i))
            {
                continue;
            }
            var row = roster[i];
            var id = KeyOf(row);
            if (id.Length == 0)
            {
                continue;
            }
            if (previous is null || !string.Equals(previous.Id, id, StringComparison.Ordinal))
            {
                if (!byId.TryGetValue(id, out previous))
                {
                    previous = new RosterHousehold(id);
                    byId.Add(id, previous);
                    list.Add(previous);
                }
            }
            previous.Add(i, row, roster);
        }
        return (list, byId);
    }

    /// <summary>The household a roster row belongs to: its household_id, trimmed.</summary>
    public static string KeyOf(RosterRecord row) => row.HouseholdId.Trim();

    public string Id { get; } = id;

    /// <summary>The member whose relation is 户主 or 本人, else the first row (lowest extract and row).</summary>
    public int Head { get; set; } = -1;

    public DateOnly? LastCheckOn { get; set; }
    public int LastCheckRow { get; set; } = -1;
    public DateOnly? LastVisitOn { get; set; }
    public int LastVisitRow { get; set; } = -1;

    /// <summary>income_stable is <c>否</c> on any member row: the conservative reading when rows disagree.</summary>
    public bool IncomeUnstable { get; set; }

    /// <summary>Member rows whose work_ability is 有劳动能力.</summary>
    public int AbleMembers { get; set; }

    public bool HasEnrolledDibao { get; set; }
    public bool HasEnrolledTekun { get; set; }

    /// <summary>Programmes any member is enrolled in (bit = 1 &lt;&lt; programme).</summary>
    public int ProgrammeMask { get; set; }

    public void Add(int row, RosterRecord record, IReadOnlyList<RosterRecord> roster)
    {
        if (Head < 0)
        {
            Head = row;
        }
        else
        {
            var head = roster[Head];
            var better = record.IsHead != head.IsHead ? record.IsHead : MonthEvaluation.IsEarlier(record, head);
            if (better)
            {
                Head = row;
            }
        }
        if (record.LastCheckOn is { } check && (LastCheckOn is not { } c || check > c))
        {
            LastCheckOn = check;
            LastCheckRow = row;
        }
        if (record.LastVisitOn is { } visit && (LastVisitOn is not { } v || visit > v))
        {
            LastVisitOn = visit;
            LastVisitRow = row;
        }
        if (record.IncomeStable == false)
        {
            IncomeUnstable = true;
        }
        if (record.WorkAbility == WorkAbility.Able)
        {
            AbleMembers++;
        }
        if (record.IsEnrolled)
        {
            HasEnrolledDibao |= record.Programme.IsDibao();
            HasEnrolledTekun |= record.Programme == Programme.Tekun;
            ProgrammeMask |= 1 << (int)record.Programme;
        }
    }
}
