namespace ReliefMatch.SampleData.Output;

/// <summary>How an amount is written (docs/sources.md, "Money").</summary>
internal enum MoneyForm : byte
{
    /// <summary>1234.50</summary>
    Plain,

    /// <summary>1234.5 or 1234: what a number looks like after Excel.</summary>
    Short,

    /// <summary>1,234.50</summary>
    Thousands,

    /// <summary>1234.50元</summary>
    Yuan,

    /// <summary>￥1,234.50 (full-width yen sign)</summary>
    FullWidthYen,

    /// <summary>¥1234 (half-width, no separators)</summary>
    Yen,

    /// <summary>An XLSX numeric cell formatted #,##0.00; in CSV, <see cref="Plain"/>.</summary>
    Cell,
}
