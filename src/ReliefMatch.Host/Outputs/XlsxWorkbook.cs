using DocumentFormat.OpenXml.Spreadsheet;
using ReliefMatch.Spreadsheets;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// Writes the sheets of an output as an .xlsx package (<see cref="XlsxPackageWriter"/>, laid out as the Open XML SDK
/// lays packages out) with the cell formats of <see cref="XlsxStyle"/>: the same sheets give the same bytes.
/// </summary>
internal static class XlsxWorkbook
{
    /// <summary>The time on every zip entry: the earliest a zip can hold.</summary>
    internal static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(Stream output, IReadOnlyList<XlsxSheet> sheets) =>
        XlsxPackageWriter.Write(
            output,
            XlsxPackageLayout.OpenXmlSdk,
            [.. sheets.Select(s => new XlsxSheetEntry(s.Name, s.PrintArea, s.HeaderRows))],
            Stylesheet(),
            EntryTime,
            (i, part) => sheets[i].WriteTo(part));

    private static Stylesheet Stylesheet()
    {
        static Font Font(double size, bool bold)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }
            font.Append(new FontSize { Val = size }, new FontName { Val = "宋体" }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 134 });
            return font;
        }

        static Border Thin() => new(
            new LeftBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
            new RightBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
            new TopBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
            new BottomBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
            new DiagonalBorder());

        static CellFormat Format(uint font, uint fill, uint border, uint numberFormat, HorizontalAlignmentValues horizontal, VerticalAlignmentValues vertical, bool wrap) =>
            new(new Alignment { Horizontal = horizontal, Vertical = vertical, WrapText = wrap ? true : null })
            {
                FontId = font,
                FillId = fill,
                BorderId = border,
                NumberFormatId = numberFormat,
                ApplyFont = font != 0 ? true : null,
                ApplyFill = fill != 0 ? true : null,
                ApplyBorder = border != 0 ? true : null,
                ApplyNumberFormat = numberFormat != 0 ? true : null,
                ApplyAlignment = true,
            };

        const uint TextFormat = 49; // the built-in "@"

        // The order of the formats is XlsxStyle's.
        return new Stylesheet(
            new Fonts(Font(11, false), Font(11, true), Font(16, true)),
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9D9D9" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Thin()),
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }),
            new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0, FormatId = 0 },
                Format(2, 0, 0, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, wrap: true),
                Format(1, 2, 1, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, wrap: true),
                Format(0, 0, 1, TextFormat, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, wrap: true),
                Format(0, 0, 1, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top, wrap: false),
                Format(0, 0, 0, 0, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Center, wrap: true)),
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }
}
