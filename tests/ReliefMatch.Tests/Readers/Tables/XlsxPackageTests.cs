using System.IO.Compression;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Readers;
using ReliefMatch.Readers.Tables;
using Xunit.Abstractions;

namespace ReliefMatch.Tests.Readers.Tables;

/// <summary>
/// Zip bombs are refused before they are parsed, naming the entry and the limit, and refusing one costs little
/// memory: everything the reading thread allocated is measured, which bounds what it ever held at once.
/// </summary>
public sealed class XlsxPackageTests(ZipBombs bombs, ITestOutputHelper output) : IClassFixture<ZipBombs>
{
    /// <summary>The most a refused file may cost.</summary>
    private const long MemoryBudget = 256L << 20;

    [Theory]
    [InlineData("shared-string", "xl/sharedStrings.xml", "268435456")]
    [InlineData("sheet", "xl/worksheets/sheet1.xml", "1:100")]
    public void Open_Bomb_RefusedNamingEntryAndLimitWithinMemoryBudget(string bomb, string entry, string limit)
    {
        // 1.5 MB inflating to a shared string of 1.5 GB; a few MB inflating to a sheet of 1.1 GB.
        var path = bomb == "sheet" ? bombs.SheetBomb : bombs.SharedStringBomb;
        Assert.InRange(new FileInfo(path).Length, 1L << 20, 16L << 20);

        var (refused, allocated) = Refusal(path);

        Assert.Equal("medical/bomb.xlsx", refused.File);
        Assert.Contains(entry, refused.Reason);
        Assert.Contains(limit, refused.Reason);
        Assert.InRange(allocated, 0, MemoryBudget);
    }

    [Fact]
    public void Open_BombWhoseDirectoryUnderstatesItsSize_RefusedWithinMemoryBudget()
    {
        // The directory says 64 KB; what inflates is 1.5 GB. Nothing past what the directory declares is read.
        var path = bombs.Understated(64 << 10);

        var (refused, allocated) = Refusal(path);

        Assert.Equal("medical/bomb.xlsx", refused.File);
        Assert.Contains("xl/sharedStrings.xml", refused.Reason);
        Assert.Contains("65536", refused.Reason);
        Assert.InRange(allocated, 0, MemoryBudget);
    }

    [Fact]
    public void Problem_LongTextInSharedStrings_RefusedBeforeAParserBuildsIt()
    {
        // Letters that do not compress, so no inflate ratio gives the file away: only its text is too long.
        var random = new Random(7);
        var text = string.Create(140_000, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26));
            }
        });
        var path = bombs.Write("long-text.xlsx", ZipBombs.HeaderSheet, s => s.Write(System.Text.Encoding.UTF8.GetBytes($"<sst><si><t>{text}</t></si></sst>")));

        var problem = Problem(path, XlsxLimits.Extracts);

        Assert.NotNull(problem);
        Assert.Contains("xl/sharedStrings.xml", problem);
        Assert.Contains("32767", problem);
    }

    [Fact]
    public void Problem_EntryOverItsSizeLimit_RefusedNamingSizeAndLimit()
    {
        var path = bombs.Write("big-sheet.xlsx", s => ZipBombs.Repeat(s, "<worksheet><sheetData>", ' ', 3 << 20, "</sheetData></worksheet>"), null);

        var problem = Problem(path, XlsxLimits.Extracts with { MaxSheetBytes = 1 << 20 });

        Assert.Contains("xl/worksheets/sheet1.xml", problem);
        Assert.Contains("1048576", problem);
    }

    [Fact]
    public void Problem_TotalOverLimit_Refused()
    {
        var path = bombs.Write("total.xlsx", ZipBombs.HeaderSheet, s => s.Write("<sst><si><t>姓名</t></si></sst>"u8));

        var problem = Problem(path, XlsxLimits.Extracts with { MaxTotalBytes = 200 });

        Assert.Contains("200", problem);
    }

    [Fact]
    public void Problem_TooManyEntries_RefusedNamingCount()
    {
        var path = bombs.Write("entries.xlsx", ZipBombs.HeaderSheet, null, extraEntries: 20);

        var problem = Problem(path, XlsxLimits.Extracts with { MaxEntries = 10 });

        Assert.Contains("25", problem);
        Assert.Contains("10", problem);
    }

    [Theory]
    [InlineData("<sst><!-- a comment --><si><t>x</t></si></sst>")]
    [InlineData("<sst><si><t><![CDATA[x]]></t></si></sst>")]
    [InlineData("<!DOCTYPE sst [<!ENTITY a \"x\">]><sst><si><t>&a;</t></si></sst>")]
    [InlineData("<sst><?pi x?><si><t>x</t></si></sst>")]
    public void Problem_XmlThatSpreadsheetProgramsNeverWrite_Refused(string sharedStrings)
    {
        var path = bombs.Write($"markup-{Guid.NewGuid():N}.xlsx", ZipBombs.HeaderSheet, s => s.Write(System.Text.Encoding.UTF8.GetBytes(sharedStrings)));

        Assert.Contains("CDATA", Problem(path, XlsxLimits.Extracts));
    }

    [Fact]
    public void Problem_WorkbookSavedByTheSpreadsheetLibrary_None()
    {
        var path = Path.Combine(bombs.Folder, "ordinary.xlsx");
        new TestWorkbook().Row(1, "姓名", "身份证号", "结算日期").Row(2, "张三", "450326198001011234", new TestWorkbook.DateCell(new DateTime(2023, 7, 4))).Save(path);

        Assert.Null(Problem(path, XlsxLimits.Returns));
    }

    private (ExtractRefusedException Refused, long Allocated) Refusal(string path)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<ExtractRefusedException>(() =>
        {
            using var reading = ExtractReader.Open(path, SourceKind.Medical, TestExtracts.Options, "medical/bomb.xlsx");
            _ = reading.Records().Count();
        });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{Path.GetFileName(path)} ({new FileInfo(path).Length} bytes): refused having allocated {allocated} bytes: {refused.Reason}");
        return (refused, allocated);
    }

    private static string? Problem(string path, XlsxLimits limits)
    {
        using var stream = File.OpenRead(path);
        return XlsxPackage.Problem(stream, limits);
    }
}
