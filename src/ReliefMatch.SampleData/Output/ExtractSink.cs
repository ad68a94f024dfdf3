namespace ReliefMatch.SampleData.Output;

/// <summary>
/// Where the rows of one extract file go, cell by cell, whatever the file's form: the source writers say what a
/// cell holds (text, an amount in a given form, a date in a given form, a damaged ID) and the sink writes it the
/// way a CSV export or an Excel sheet would hold it.
/// </summary>
internal abstract class ExtractSink : IDisposable
{
    private bool _finished;

    protected ExtractSink(string path, FileFormat format)
    {
        Path = path;
        Format = format;
    }

    public string Path { get; }

    public FileFormat Format { get; }

    /// <summary>Data rows written: not title, header, blank or footer rows.</summary>
    public long DataRows { get; protected set; }

    /// <summary>Rows of every kind so far (titles, header, data, blank, footer): what counts against a sheet's limit.</summary>
    public long AllRows { get; protected set; }

    /// <summary>File size, known once finished.</summary>
    public long Bytes { get; protected set; }

    /// <summary>A title above the header (<c>永福县2023年7月在保对象花名册</c>), spanning the columns.</summary>
    public abstract void TitleRow(string text, int columns);

    public abstract void HeaderRow(IReadOnlyList<string> headers);

    public abstract void BlankRow(int columns);

    /// <summary>Starts a data row.</summary>
    public abstract void BeginRow();

    /// <summary>Starts a row that is not data (a 合计 footer).</summary>
    public abstract void BeginFooterRow();

    public abstract void Text(ReadOnlySpan<char> value);

    public void Text(string? value)
    {
        if (value is null)
        {
            Empty();
        }
        else
        {
            Text(value.AsSpan());
        }
    }

    public abstract void Empty();

    /// <summary>A whole number (序号, a count): a numeric cell in XLSX.</summary>
    public abstract void Integer(long value);

    public abstract void Money(long cents, MoneyForm form);

    public abstract void Date(int dayNumber, DateForm form, int minuteOfDay = 0);

    /// <summary>An ID Excel turned into a number: 4.50326198001011E+17 in a numeric cell, or that text in a CSV.</summary>
    public abstract void ExcelDamagedId(long key);

    /// <summary>A 15-digit legacy ID: a numeric cell in XLSX (15 digits survive), text in CSV.</summary>
    public abstract void LegacyIdNumber(string digits);

    /// <summary>In a footer: the sum of this column's data rows (a SUM formula with its cached value in XLSX).</summary>
    public abstract void MoneySum(long cents);

    public abstract void EndRow();

    /// <summary>Flushes and closes the file.</summary>
    public void Finish()
    {
        if (!_finished)
        {
            _finished = true;
            Complete();
            Bytes = new FileInfo(Path).Length;
        }
    }

    protected abstract void Complete();

    protected abstract void Release();

    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }
}
