namespace ReliefMatch.Readers.Tables;

/// <summary>
/// The rows of a CSV file or of a worksheet, cell by cell, behind one shape so that header detection and the
/// record builders do not care which it is.
/// </summary>
/// <remarks>
/// Cells are exposed as trimmed character spans valid until the next call, so that IDs, dates and amounts are
/// parsed without a string per cell; strings are made only for the values that are kept.
/// </remarks>
internal abstract class TableSource : IDisposable
{
    /// <summary><c>UTF-8</c>, <c>UTF-8 (BOM)</c>, <c>GB18030</c> or <c>XLSX</c>.</summary>
    public abstract string Encoding { get; }

    /// <summary>The worksheet being read; <c>null</c> for CSV.</summary>
    public virtual string? Sheet => null;

    /// <summary>Moves to the next row; false at the end of the file (or sheet).</summary>
    public abstract bool Read();

    /// <summary>
    /// Set when the current row holds bytes that the file's encoding does not decode: the row is rejected with
    /// this reason, rather than read with U+FFFD where the bytes were.
    /// </summary>
    public virtual RowFault? Fault => null;

    /// <summary>The CSV line on which the current record starts, or the 1-based sheet row.</summary>
    public abstract int Row { get; }

    public abstract int FieldCount { get; }

    /// <summary>The cell as text, trimmed; empty for a blank cell or one beyond the end of the row.</summary>
    /// <remarks>Valid until the next call on this source.</remarks>
    public abstract ReadOnlySpan<char> Text(int column);

    /// <summary>The cell as a trimmed string (<c>""</c> when blank).</summary>
    public abstract string String(int column);

    /// <summary>The cell as it stands in the file, for rejection reports.</summary>
    public abstract string AsRead(int column);

    /// <summary>A spreadsheet cell holding a number (not formatted as a date).</summary>
    public virtual bool TryNumber(int column, out double value)
    {
        value = 0;
        return false;
    }

    /// <summary>A spreadsheet cell formatted as a date.</summary>
    public virtual bool TryDateTime(int column, out DateTime value)
    {
        value = default;
        return false;
    }

    /// <summary>
    /// Goes back to the start of the current file (or sheet) and passes over its first <paramref name="rows"/>
    /// rows, so that the next <see cref="Read"/> returns the row after them. At most the rows read since the
    /// start of the sheet may be passed over.
    /// </summary>
    public abstract void Rewind(int rows);

    /// <summary>Moves to the next worksheet; false for CSV and after the last sheet.</summary>
    public virtual bool NextSheet() => false;

    public abstract void Dispose();
}
