using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// Writes sheets as an .xlsx package that is the same bytes for the same sheets: relationship ids are fixed
/// (the SDK would draw random ones) and the zip entries carry a fixed time (the zip writer would stamp the
/// clock), so an approved copy can be compared byte for byte.
/// </summary>
internal static class XlsxWorkbook
{
    private const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>The time on every zip entry: the earliest a zip can hold.</summary>
    internal static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(Stream output, IReadOnlyList<XlsxSheet> sheets)
    {
        using var package = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddNewPart<WorkbookPart>(WorkbookContentType, "rId1");
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>("rId1");
            styles.Stylesheet = Stylesheet();

            var sheetList = new Sheets();
            var definedNames = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                var id = "rId" + (i + 2).ToString(CultureInfo.InvariantCulture);
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>(id);
                sheet.WriteTo(worksheetPart);
                sheetList.Append(new Sheet { Name = sheet.Name, SheetId = (uint)(i + 1), Id = id });

                var quoted = "'" + sheet.Name.Replace("'", "''", StringComparison.Ordinal) + "'";
                if (sheet.PrintArea is not null)
                {
                    definedNames.Append(new DefinedName($"{quoted}!{sheet.PrintArea}") { Name = "_xlnm.Print_Area", LocalSheetId = (uint)i });
                }
                if (sheet.HeaderRows > 0)
                {
                    definedNames.Append(new DefinedName($"{quoted}!$1:${sheet.HeaderRows}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
                }
            }
            workbookPart.Workbook = new Workbook(sheetList);
            if (definedNames.HasChildren)
            {
                workbookPart.Workbook.Append(definedNames);
            }
        }

        package.Position = 0;
        Repack(package, output);
    }

    /// <summary>Copies the zip entry by entry, in order, with <see cref="EntryTime"/> on each.</summary>
    private static void Repack(Stream source, Stream output)
    {
        using var from = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        using var to = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in from.Entries)
        {
            var copy = to.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = EntryTime;
            using var read = entry.Open();
            using var write = copy.Open();
            read.CopyTo(write);
        }
    }

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
