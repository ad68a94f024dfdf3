using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Records;

/// <summary>残联 持证残疾人: <c>reliefmatch.disability_records</c>, one row per certificate.</summary>
internal static class DisabilityLayout
{
    public static RecordLayout<DisabilityRecord, Draft> Layout { get; } = new("reliefmatch.disability_records", [SourceKind.Disability], c => c
        .UniqueText("certificate_no", r => r.CertificateNo, (d, v) => d.CertificateNo = v)
        .Int16("category", r => (short)r.Category, (d, v) => d.Category = (DisabilityCategory)v)
        .Int16("level", r => (short)r.Level, (d, v) => d.Level = v)
        .NullableDate("issued_on", r => r.IssuedOn, (d, v) => d.IssuedOn = v)
        .NullableText("certificate_status", r => r.CertificateStatus, (d, v) => d.CertificateStatus = v)
        .NullableText("township", r => r.Township, (d, v) => d.Township = v)
        .NullableText("village", r => r.Village, (d, v) => d.Village = v),
        d => new DisabilityRecord
        {
            ExtractId = d.ExtractId,
            Row = d.Row,
            Name = d.Name,
            Id = d.Id,
            CertificateNo = d.CertificateNo,
            Category = d.Category,
            Level = d.Level,
            IssuedOn = d.IssuedOn,
            CertificateStatus = d.CertificateStatus,
            Township = d.Township,
            Village = d.Village,
        });

    internal sealed class Draft : RecordDraft
    {
        public string? CertificateNo;
        public DisabilityCategory Category;
        public int Level;
        public DateOnly? IssuedOn;
        public string? CertificateStatus;
        public string? Township;
        public string? Village;
    }
}
