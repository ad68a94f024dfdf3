namespace ReliefMatch.Core.Statistics;

/// <summary>A cell left blank for the month and the sources that would fill it.</summary>
public sealed record MissingCell(SheetCell Cell, IReadOnlyList<StatisticsSource> Sources);
