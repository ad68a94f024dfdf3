using System.Text;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Storage.Loading;

/// <summary>
/// A record just parsed, as the loader would read it back from its table: the extract id set, texts as PostgreSQL
/// stores them (no NUL, no unpaired surrogate), the ID rebuilt from its stored parts, a zero amount without a sign,
/// repeated texts pooled as the load pools them. What a month evaluates from memory is therefore the very value it
/// would evaluate from storage.
/// </summary>
/// <remarks>Follows the import's columns (<see cref="Imports.RecordCopy"/>) and the load's reading of them (<see cref="RecordColumns"/>) field by field.</remarks>
internal static class StoredForm
{
    public static ExtractRecord Of(ExtractRecord record, long extractId, StringPool pool) => record switch
    {
        RosterRecord r => r with
        {
            ExtractId = extractId,
            Name = Text(r.Name, pool),
            Id = Id(r.Id, pool),
            CountyCode = Text(r.CountyCode, pool),
            County = Optional(r.County, pool),
            Township = Text(r.Township, pool),
            Village = Optional(r.Village, pool),
            HouseholdId = Text(r.HouseholdId, pool),
            HeadName = Optional(r.HeadName, pool),
            HeadIdNumber = Optional(r.HeadIdNumber, pool),
            Relation = Optional(r.Relation, pool),
            MonthlyAmount = Amount(r.MonthlyAmount),
        },
        DeathRecord d => d with
        {
            ExtractId = extractId,
            Name = Text(d.Name, pool),
            Id = Id(d.Id, pool),
            // Read back by its id, as one of the six: the reference then carries the shipped declaration.
            Kind = d.Kind.Kind is { } kind ? kind : throw new InvalidOperationException($"A death record of '{d.Kind.Id}' has no table of its own."),
            CancelReason = Optional(d.CancelReason, pool),
            Place = Optional(d.Place, pool),
            Cause = Optional(d.Cause, pool),
            Reporter = Optional(d.Reporter, pool),
        },
        DisabilityRecord b => b with
        {
            ExtractId = extractId,
            Name = Text(b.Name, pool),
            Id = Id(b.Id, pool),
            CertificateNo = Optional(b.CertificateNo, null),
            Level = (short)b.Level,
            CertificateStatus = Optional(b.CertificateStatus, pool),
            Township = Optional(b.Township, pool),
            Village = Optional(b.Village, pool),
        },
        MedicalRecord m => m with
        {
            ExtractId = extractId,
            Name = Text(m.Name, pool),
            Id = Id(m.Id, pool),
            Total = Amount(m.Total),
            BasicPaid = Amount(m.BasicPaid),
            CriticalPaid = Amount(m.CriticalPaid),
            AssistancePaid = Amount(m.AssistancePaid),
            OutOfPocket = Amount(m.OutOfPocket),
            VisitType = Optional(m.VisitType, pool),
            Institution = Optional(m.Institution, pool),
        },
        MonitoringRecord m => m with
        {
            ExtractId = extractId,
            Name = Text(m.Name, pool),
            Id = Id(m.Id, pool),
            HouseholdId = Optional(m.HouseholdId, pool),
            Relation = Optional(m.Relation, pool),
            MonitorType = Optional(m.MonitorType, pool),
            Risk = Optional(m.Risk, pool),
            IncomePerCapita = Amount(m.IncomePerCapita),
            Township = Optional(m.Township, pool),
            Village = Optional(m.Village, pool),
        },
        _ => throw new InvalidOperationException($"No table for {record.GetType().Name}."),
    };

    /// <summary>The ID as its columns give it back: text, key, problem and the 15-digit mark (<see cref="StoredCodes.Id"/>).</summary>
    public static ParsedId Id(ParsedId id, StringPool? pool)
    {
        var text = Text(id.Text ?? "", pool);
        var key = id.Id?.Key;
        return text.Length == 0 && key is null
            ? ParsedId.Missing with { UpgradedFrom15 = id.UpgradedFrom15 }
            : StoredCodes.Id(text, key, StoredCodes.Problem(id.Problem), id.UpgradedFrom15);
    }

    /// <summary>A text as a text column gives it back, pooled when <paramref name="pool"/> is given.</summary>
    public static string Text(string text, StringPool? pool)
    {
        var stored = StoredCodes.Clean(text);
        // The COPY encodes UTF-8 with replacement: an unpaired surrogate comes back as U+FFFD.
        if (stored.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            stored = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(stored));
        }
        return pool is null ? stored : pool.Intern(stored);
    }

    public static string? Optional(string? text, StringPool? pool) => text is null ? null : Text(text, pool);

    /// <summary>An amount as a numeric column gives it back: the same digits and scale; a zero is never negative.</summary>
    public static decimal Amount(decimal value) => value == 0 && decimal.IsNegative(value) ? -value : value;

    public static decimal? Amount(decimal? value) => value is { } v ? Amount(v) : null;
}
