using System.Runtime.CompilerServices;
using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.Output;
using ReliefMatch.SampleData.People;
using ReliefMatch.SampleData.Places;

namespace ReliefMatch.SampleData.Sources;

/// <summary>
/// 残联 持证残疾人: about 1.5 certificates per roster household (5 % of the county), recipients and monitored
/// people more often than others. Messy: an XLSX (in parts past Excel's limit) with a title, words, codes and
/// 一级 forms; and two townships' certificates as a GB18030 CSV that has only the 20-character certificate number.
/// Plain: one CSV.
/// </summary>
internal sealed class DisabilityWriter(SamplePopulation population, string outDir)
    : SourceWriter(population, outDir, SourceKind.Disability, 204)
{
    /// <summary>Sequence ranks 400..498: the certificate holders made here.</summary>
    public const int RankBase = PoliceDeathsWriter.RankBase + PoliceDeathsWriter.RankCount;
    public const int RankCount = IdAllocator.Ranks - RankBase;

    public static IReadOnlyList<string> PlainHeaders { get; } = ["姓名", "身份证号", "残疾人证号", "残疾类别", "残疾等级", "发证日期", "证件状态", "乡镇(街道)", "村(社区)"];

    private static readonly string[] SheetHeaders = ["序号", "姓名", "性别", "身份证号", "残疾人证号", "残疾类别", "残疾等级", "发证日期", "证件状态", "乡镇", "村"];
    private static readonly string[] TownshipHeaders = ["姓名", "残疾证号", "残疾类别", "残疾等级", "首次发证日期", "状态", "所属乡镇", "所属村"];
    private static readonly string[] CsvTownships = ["百寿镇", "堡里镇"];
    private static readonly WeightedChoice Categories = new(10, 12, 1, 50, 8, 10, 9);
    private static readonly WeightedChoice Levels = new(12, 25, 28, 35);
    private static readonly string[] LevelWords = ["一级", "二级", "三级", "四级"];

    private readonly record struct Certificate(long Key, int Name, ushort Village, DisabilityCategory Category, int Level, int IssuedDay, string Status);

    public override long ExpectedRows => Population.Options.Households * 3L / 2;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write()
    {
        ExtractSink? csv = null;
        ExtractSink? sheet = null;
        var part = 0;
        long sequence = 0;
        var expected = ExpectedRows;
        FileStyle style;
        if (Plain)
        {
            style = FileStyle.Plain;
            csv = OpenCsv($"disability-{CompactMonth}.csv", FileFormat.CsvUtf8);
            csv.HeaderRow(PlainHeaders);
        }
        else
        {
            style = new FileStyle
            {
                Dates = [(DateForm.Cell, 85), (DateForm.Slash, 10), (DateForm.Serial, 5)],
                LowerX = 300, Spaces = 10, TrailingSpace = 20, PaddedNames = 40, BlankRows = 5,
            };
            csv = OpenCsv($"残疾人证信息_百寿镇堡里镇_{CompactMonth}.csv", FileFormat.CsvGb18030);
            csv.HeaderRow(TownshipHeaders);
        }
        var csvStyle = Plain ? style : new FileStyle { Dates = [(DateForm.Compact, 1)], LowerX = 500 };

        foreach (var certificate in Certificates())
        {
            if (Plain)
            {
                WritePlain(csv, certificate);
                continue;
            }
            var village = Gazetteer.Villages[certificate.Village];
            if (Array.IndexOf(CsvTownships, village.Township.Name) >= 0)
            {
                WriteTownship(csv, certificate, csvStyle);
                continue;
            }
            if (sheet is null || sheet.AllRows + 2 >= XlsxExtractSink.MaxRows)
            {
                if (sheet is not null)
                {
                    Close(sheet);
                }
                part++;
                var suffix = expected > XlsxExtractSink.MaxRows * 9L / 10 ? $"（{part}）" : "";
                sheet = OpenXlsx($"持证残疾人_{CompactMonth}{suffix}.xlsx", "持证残疾人", SheetHeaders);
                var last = Population.End;
                sheet.TitleRow($"{Gazetteer.Home.Name}持证残疾人基本信息（截至{last.Year}年{last.Month}月{last.Day}日）", SheetHeaders.Length);
                sheet.HeaderRow(SheetHeaders);
                sequence = 0;
            }
            WriteSheet(sheet, certificate, style, ++sequence);
        }
        if (sheet is not null)
        {
            Close(sheet);
        }
        Close(csv);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WritePlain(ExtractSink sink, in Certificate c)
    {
        var village = Gazetteer.Villages[c.Village];
        sink.BeginRow();
        Cells.Name(sink, c.Name, FileStyle.Plain, ref Style);
        Cells.Id(sink, c.Key, FileStyle.Plain, ref Style);
        CertificateNumber(sink, c, FileStyle.Plain);
        sink.Text(c.Category.Chinese());
        sink.Text(LevelWords[c.Level - 1]);
        sink.Date(c.IssuedDay, DateForm.Iso);
        sink.Text(c.Status);
        sink.Text(village.Township.Name);
        sink.Text(village.Name);
        sink.EndRow();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteSheet(ExtractSink sink, in Certificate c, FileStyle style, long sequence)
    {
        var village = Gazetteer.Villages[c.Village];
        sink.BeginRow();
        sink.Integer(sequence);
        Cells.Name(sink, c.Name, style, ref Style);
        sink.Text(ResidentIdText.IsMale(c.Key) ? "男" : "女");
        // A few rows have only the certificate number, from which the ID is read.
        if (Style.PerMille(20))
        {
            sink.Empty();
        }
        else
        {
            Cells.Id(sink, c.Key, style, ref Style);
        }
        CertificateNumber(sink, c, style);
        sink.Text(Style.Next(10) switch
        {
            < 6 => c.Category.Chinese(),
            < 9 => c.Category.Chinese() + "残疾",
            _ => ((int)c.Category).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Level(sink, c.Level);
        sink.Date(c.IssuedDay, style.Date(ref Style));
        sink.Text(c.Status);
        sink.Text(village.Township.Name);
        sink.Text(village.Name);
        sink.EndRow();
        if (style.Blank(ref Style))
        {
            sink.BlankRow(SheetHeaders.Length);
        }
    }

    private void WriteTownship(ExtractSink sink, in Certificate c, FileStyle style)
    {
        var village = Gazetteer.Villages[c.Village];
        sink.BeginRow();
        Cells.Name(sink, c.Name, style, ref Style);
        CertificateNumber(sink, c, style);
        sink.Integer((int)c.Category);
        sink.Text($"{c.Level}级");
        sink.Date(c.IssuedDay, style.Date(ref Style));
        sink.Text(c.Status);
        sink.Text(village.Township.Name);
        sink.Text(village.Name);
        sink.EndRow();
    }

    private void Level(ExtractSink sink, int level)
    {
        switch (Style.Next(20))
        {
            case < 12:
                sink.Text(LevelWords[level - 1]);
                break;
            case < 17:
                sink.Text($"{level}级");
                break;
            default:
                sink.Integer(level);
                break;
        }
    }

    /// <summary>The 20 characters: the holder's ID, the category digit, the level digit.</summary>
    private void CertificateNumber(ExtractSink sink, in Certificate c, FileStyle style)
    {
        Span<char> number = stackalloc char[20];
        ResidentIdText.Write(c.Key, number);
        number[18] = (char)('0' + (int)c.Category);
        number[19] = (char)('0' + c.Level);
        if (!style.IsPlain && number[17] == 'X' && Style.PerMille(style.LowerX))
        {
            number[17] = 'x';
        }
        sink.Text(number);
    }

    /// <summary>Recipients, monitored people, the planted cases, then the rest of the county's holders.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<Certificate> Certificates()
    {
        var population = Population;
        var certificates = new List<Certificate>((int)ExpectedRows + 16);
        var count = 0L;
        for (var p = 0; p < population.MonitoredPersonEnd; p++)
        {
            var person = population.Persons[p];
            if ((person.Traits & (PersonTraits.Unused | PersonTraits.Planted)) != 0 || population.VillageOf(p).County != Gazetteer.Home)
            {
                continue;
            }
            var perMille = p >= population.RosterPersonEnd
                ? 80
                : AgeProfile.AgeAt(ResidentIdText.BirthDay(person.Key), population.End) switch { < 18 => 40, < 60 => 100, _ => 160 };
            if (!Data.PerMille(perMille))
            {
                continue;
            }
            count++;
            certificates.Add(NewCertificate(person, (DisabilityCategory)(Categories.Pick(ref Data) + 1), Levels.Pick(ref Data) + 1, population.DeathDayOf(p)));
        }
        foreach (var planted in population.PlantedCertificates)
        {
            var person = population.Persons[planted.Person];
            count++;
            certificates.Add(NewCertificate(person, planted.Category, planted.Level, int.MaxValue) with { Status = planted.Status });
        }
        var ids = new IdAllocator(RankBase, RankCount);
        for (var target = ExpectedRows; count < target; count++)
        {
            var village = population.HomeVillageChoice.Pick(ref Data);
            var birth = AgeProfile.Disabled.BirthDay(ref Data, population.End);
            var male = Data.PerMille(540);
            var key = ids.Allocate(SamplePopulation.Birthplace(ref Data, neighbour: false), birth, male);
            var person = new SamplePerson { Key = key, Name = ChineseNames.Create(ref Data, male, ResidentIdText.BirthDate(key).Year), Village = (ushort)village };
            certificates.Add(NewCertificate(person, (DisabilityCategory)(Categories.Pick(ref Data) + 1), Levels.Pick(ref Data) + 1, int.MaxValue));
        }
        return certificates;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Certificate NewCertificate(in SamplePerson person, DisabilityCategory category, int level, int deathDay)
    {
        // Second-generation certificates since 2008, not before the holder's birth.
        var first = Math.Max(new DateOnly(2008, 1, 1).DayNumber, ResidentIdText.BirthDay(person.Key) + 30);
        var last = Population.End.DayNumber;
        var issued = first >= last ? last : first + Data.Next(last - first + 1);
        var r = Data.Next(1000);
        var status = deathDay <= last && r < 500 ? "死亡注销" : r < 920 ? "有效" : r < 960 ? "过期" : "注销";
        return new Certificate(person.Key, person.Name, person.Village, category, level, issued, status);
    }
}
