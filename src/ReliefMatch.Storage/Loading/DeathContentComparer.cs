using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Loading;

/// <summary>
/// Two death records are the same when everything read from the file is the same; the extract and row are not
/// content. Compares field by field (strings ordinal), so no content tuple has to be built or kept per record.
/// </summary>
internal sealed class DeathContentComparer : IEqualityComparer<DeathRecord>
{
    public static DeathContentComparer Instance { get; } = new();

    public bool Equals(DeathRecord? x, DeathRecord? y) =>
        ReferenceEquals(x, y) || x is not null && y is not null
            && x.Kind == y.Kind && x.Sex == y.Sex && x.BirthDate == y.BirthDate && x.DeathDate == y.DeathDate
            && x.CancelledOn == y.CancelledOn && x.IsDeath == y.IsDeath
            && string.Equals(x.Id.Text, y.Id.Text, StringComparison.Ordinal) && string.Equals(x.Name, y.Name, StringComparison.Ordinal)
            && string.Equals(x.CancelReason, y.CancelReason, StringComparison.Ordinal) && string.Equals(x.Place, y.Place, StringComparison.Ordinal)
            && string.Equals(x.Cause, y.Cause, StringComparison.Ordinal) && string.Equals(x.Reporter, y.Reporter, StringComparison.Ordinal);

    // Equal texts give equal hashes; the dates and ID separate almost all distinct records, the rest is
    // settled by Equals.
    public int GetHashCode(DeathRecord obj) =>
        HashCode.Combine(obj.Kind, obj.Id.Text.GetHashCode(StringComparison.Ordinal), obj.Name.GetHashCode(StringComparison.Ordinal),
            obj.DeathDate, obj.CancelledOn, obj.BirthDate, obj.IsDeath);
}
