namespace ReliefMatch.Host.Outputs;

/// <summary>The cell formats every workbook of the outputs has (indices into the stylesheet of <see cref="XlsxWorkbook"/>).</summary>
internal enum XlsxStyle : uint
{
    Default = 0,
    /// <summary>Large bold, centred: the title row.</summary>
    Title = 1,
    /// <summary>Bold, bordered, grey, centred and wrapped: column headers.</summary>
    Header = 2,
    /// <summary>Bordered, wrapped, top-left, number format <c>@</c> so that an ID typed over stays text.</summary>
    Text = 3,
    /// <summary>Bordered, centred: counts and row numbers.</summary>
    Number = 4,
    /// <summary>No border, left, vertically centred, wrapped: the 填报单位 line and notes.</summary>
    Note = 5,
}
