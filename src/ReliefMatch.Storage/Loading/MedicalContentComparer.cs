using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Loading;

/// <summary>
/// Two settlements are the same when everything read from the file is the same; the extract and row are not
/// content. Compares field by field (strings ordinal, amounts by decimal value), so no content tuple has to be
/// built or kept per record.
/// </summary>
internal sealed class MedicalContentComparer : IEqualityComparer<MedicalRecord>
{
    public static MedicalContentComparer Instance { get; } = new();

    public bool Equals(MedicalRecord? x, MedicalRecord? y) =>
        ReferenceEquals(x, y) || x is not null && y is not null
            && x.SettledOn == y.SettledOn && x.OutOfPocket == y.OutOfPocket && x.Total == y.Total && x.BasicPaid == y.BasicPaid
            && x.CriticalPaid == y.CriticalPaid && x.AssistancePaid == y.AssistancePaid
            && string.Equals(x.Id.Text, y.Id.Text, StringComparison.Ordinal) && string.Equals(x.Name, y.Name, StringComparison.Ordinal)
            && string.Equals(x.VisitType, y.VisitType, StringComparison.Ordinal) && string.Equals(x.Institution, y.Institution, StringComparison.Ordinal);

    // decimal hashes agree with decimal equality (1.0 and 1.00 hash alike). The ID, date and amounts separate
    // almost all distinct settlements; the rest is settled by Equals.
    public int GetHashCode(MedicalRecord obj) =>
        HashCode.Combine(obj.Id.Text.GetHashCode(StringComparison.Ordinal), obj.Name.GetHashCode(StringComparison.Ordinal),
            obj.SettledOn, obj.OutOfPocket, obj.Total);
}
