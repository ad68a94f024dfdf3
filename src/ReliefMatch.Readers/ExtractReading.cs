using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;
using ReliefMatch.Readers.Headers;
using ReliefMatch.Readers.Rows;
using ReliefMatch.Readers.Tables;

namespace ReliefMatch.Readers;

/// <summary>An opened extract: what was detected, and a single forward pass over its accepted records.</summary>
/// <remarks>
/// Counting: every row below the header row is read (<see cref="RowsRead"/>) and ends up in exactly one of
/// <see cref="Accepted"/>, <see cref="Rejected"/> or <see cref="Skipped"/> (blank rows, 合计/总计/小计
/// footer rows, and rows a declared row filter passes over), so <c>RowsRead == Accepted + Rejected + Skipped</c> holds at every point of the pass.
/// Rows are CSV lines (where the record starts) or sheet rows, 1-based.
/// </remarks>
public sealed class ExtractReading : IDisposable
{
    private static readonly string[] FooterPrefixes = ["合计", "总计", "小计"];

    private readonly TableSource table;
    private readonly RowCells cells;
    private readonly RecordBuilder builder;
    private readonly List<RejectedRow> rejects = [];
    private bool started;
    private bool disposed;

    internal ExtractReading(SourceRef source, string file, TableSource table, ColumnMap columns, int headerRow, RecordBuilder builder)
    {
        Source = source;
        File = file;
        this.table = table;
        this.builder = builder;
        Columns = columns;
        cells = new RowCells(table, columns);
        Encoding = table.Encoding;
        Sheet = table.Sheet;
        HeaderRow = headerRow;
        var last = columns.Cells.Count;
        while (last > 0 && columns.Cells[last - 1].Length == 0)
        {
            last--;
        }
        Headers = columns.Cells.Take(last).ToArray();
    }

    public SourceRef Source { get; }

    /// <summary>The name used in reports: <c>source/file name</c> unless the caller gave another.</summary>
    public string File { get; }

    /// <summary><c>UTF-8</c>, <c>UTF-8 (BOM)</c>, <c>GB18030</c> or <c>XLSX</c>.</summary>
    public string Encoding { get; }

    /// <summary>The worksheet read (the first that has a header row); <c>null</c> for CSV.</summary>
    public string? Sheet { get; }

    /// <summary>The CSV line or sheet row of the header row.</summary>
    public int HeaderRow { get; }

    /// <summary>The title rows above the header row, one line each (empty when the header is the first row).</summary>
    public string Title { get; init; } = "";

    /// <summary>The header row's cells as read (trimmed), unknown columns included.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The declared fields the file has a column for, in declared order.</summary>
    public IReadOnlyList<string> PresentFields => [.. Columns.Layout.Declaration.Fields.Select(f => f.Name).Where(HasColumn)];

    private bool HasColumn(string field)
    {
        for (var slot = 0; slot < Columns.Layout.Slots; slot++)
        {
            if (Columns.Layout.SlotNames[slot] == field)
            {
                return Columns.Has(slot);
            }
        }
        return false;
    }

    /// <summary>Which column each field was found in.</summary>
    internal ColumnMap Columns { get; }

    /// <summary>Streams accepted records in file order; may be enumerated once. Counts fill in as it goes.</summary>
    /// <exception cref="ExtractRefusedException">While enumerating: the file breaks off and cannot be read on.</exception>
    public IEnumerable<ExtractRecord> Records()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (started)
        {
            throw new InvalidOperationException($"{File}: the records of an extract can be read once.");
        }
        started = true;
        return Read();
    }

    private IEnumerable<ExtractRecord> Read()
    {
        while (ReadNext())
        {
            RowsRead++;
            if (table.Fault is { } fault)
            {
                Rejected++;
                rejects.Add(new RejectedRow(table.Row, ColumnName(fault.Column), table.AsRead(fault.Column), fault.Reason));
                continue;
            }
            cells.Begin();
            // A row a declared filter passes over is no error: it is counted as skipped, like a blank row.
            if (IsBlankOrFooter() || !cells.Passes(RowFilterEffect.Skip))
            {
                Skipped++;
                continue;
            }
            var record = builder.Build(cells);
            if (record is null)
            {
                Rejected++;
                rejects.Add(cells.Rejection ?? throw new InvalidOperationException($"{builder.GetType().Name} refused row {table.Row} without a reason."));
                continue;
            }
            Accepted++;
            yield return record;
        }
    }

    /// <summary>The header of a 0-based column as the file spells it, or 第N列 where it has none.</summary>
    private string ColumnName(int column) =>
        column < Columns.Cells.Count && Columns.Cells[column].Length > 0 ? Columns.Cells[column].Trim() : $"第{column + 1}列";

    /// <summary>A workbook that breaks off mid-way refuses the whole file (the caller discards what it took).</summary>
    private bool ReadNext()
    {
        try
        {
            return table.Read();
        }
        catch (Exception e) when (ExtractReader.IsUnreadable(e))
        {
            throw ExtractReader.Unreadable(File, e);
        }
    }

    public int RowsRead { get; private set; }
    public int Accepted { get; private set; }
    public int Rejected { get; private set; }
    public int Skipped { get; private set; }
    public IReadOnlyList<RejectedRow> Rejects => rejects;

    /// <summary>The import report of this file; complete once <see cref="Records"/> has been enumerated to the end.</summary>
    public FileReport ToReport(string sha256, long size) => new()
    {
        Source = Source,
        File = File,
        Sha256 = sha256,
        Size = size,
        Encoding = Encoding,
        Sheet = Sheet,
        HeaderRow = HeaderRow,
        RowsRead = RowsRead,
        Accepted = Accepted,
        Rejected = Rejected,
        Skipped = Skipped,
        Rejects = rejects.ToArray(),
    };

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            table.Dispose();
        }
    }

    /// <summary>A row with nothing in it, or whose first non-empty cell starts 合计, 总计 or 小计 (spaces ignored: 合　计).</summary>
    private bool IsBlankOrFooter()
    {
        Span<char> head = stackalloc char[2];
        var count = table.FieldCount;
        for (var c = 0; c < count; c++)
        {
            var text = table.Text(c);
            if (text.IsEmpty)
            {
                continue;
            }
            var n = 0;
            foreach (var ch in text)
            {
                if (!char.IsWhiteSpace(ch))
                {
                    head[n++] = ch;
                    if (n == 2)
                    {
                        break;
                    }
                }
            }
            foreach (var prefix in FooterPrefixes)
            {
                if (n == 2 && head.SequenceEqual(prefix))
                {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
