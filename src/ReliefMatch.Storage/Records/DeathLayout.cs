using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Storage.Records;

/// <summary>公安 户籍注销 and 卫健 死亡医学证明: <c>reliefmatch.death_records</c>, the source named per row (<c>kind</c>).</summary>
internal static class DeathLayout
{
    public static RecordLayout<DeathRecord, Draft> Layout { get; } = new("reliefmatch.death_records", SourceKinds.Deaths, c => c
        .Text("kind", r => r.Kind.Id, (d, v) => d.Kind = Kind(v))
        .NullableInt16("sex", r => (short?)r.Sex, (d, v) => d.Sex = (Sex?)v)
        .NullableDate("birth_date", r => r.BirthDate, (d, v) => d.BirthDate = v)
        .NullableDate("death_date", r => r.DeathDate, (d, v) => d.DeathDate = v)
        .NullableDate("cancelled_on", r => r.CancelledOn, (d, v) => d.CancelledOn = v)
        .NullableText("cancel_reason", r => r.CancelReason, (d, v) => d.CancelReason = v)
        .Boolean("is_death", r => r.IsDeath, (d, v) => d.IsDeath = v)
        .NullableText("place", r => r.Place, (d, v) => d.Place = v)
        .NullableText("cause", r => r.Cause, (d, v) => d.Cause = v)
        .NullableText("reporter", r => r.Reporter, (d, v) => d.Reporter = v),
        d => new DeathRecord
        {
            ExtractId = d.ExtractId,
            Row = d.Row,
            Name = d.Name,
            Id = d.Id,
            Kind = d.Kind,
            Sex = d.Sex,
            BirthDate = d.BirthDate,
            DeathDate = d.DeathDate,
            CancelledOn = d.CancelledOn,
            CancelReason = d.CancelReason,
            IsDeath = d.IsDeath,
            Place = d.Place,
            Cause = d.Cause,
            Reporter = d.Reporter,
        });

    private static SourceKind Kind(string text) =>
        SourceKinds.TryParse(text, out var kind) && Layout.Sources.Contains(kind) ? kind : throw new InvalidDataException($"Unknown stored death kind '{text}'.");

    internal sealed class Draft : RecordDraft
    {
        public SourceRef Kind;
        public Sex? Sex;
        public DateOnly? BirthDate;
        public DateOnly? DeathDate;
        public DateOnly? CancelledOn;
        public string? CancelReason;
        public bool IsDeath;
        public string? Place;
        public string? Cause;
        public string? Reporter;
    }
}
