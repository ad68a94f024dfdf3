using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Records;

/// <summary>
/// A column's value on a record, exactly as the column's codec is given it to store: what the import counts of a
/// record while it streams (<see cref="Imports.ExtractProfile"/>) reads the same value the partition gets.
/// </summary>
internal interface IColumnValue<in T, out TValue>
    where T : ExtractRecord
{
    TValue Get(T record);
}
