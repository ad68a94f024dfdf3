namespace ReliefMatch.SampleData.Output;

/// <summary>How a date is written (docs/sources.md, "Dates").</summary>
internal enum DateForm : byte
{
    /// <summary>2023-07-04</summary>
    Iso,

    /// <summary>2023/7/4</summary>
    Slash,

    /// <summary>20230704</summary>
    Compact,

    /// <summary>2023年7月4日</summary>
    Chinese,

    /// <summary>2023.07.04</summary>
    Dotted,

    /// <summary>2023-07-04 14:30</summary>
    IsoMinutes,

    /// <summary>2023/7/4 14:30:00</summary>
    SlashSeconds,

    /// <summary>2023-07-04 00:00:00: a date column exported as a date-time.</summary>
    IsoMidnight,

    /// <summary>2023-07: a month alone means its first day.</summary>
    Month,

    /// <summary>2023年7月</summary>
    ChineseMonth,

    /// <summary>202307</summary>
    CompactMonth,

    /// <summary>An XLSX date cell (a serial number with a date format); in CSV, <see cref="Iso"/>.</summary>
    Cell,

    /// <summary>An XLSX numeric cell holding the serial number without a date format; in CSV, <see cref="Iso"/>.</summary>
    Serial,
}
