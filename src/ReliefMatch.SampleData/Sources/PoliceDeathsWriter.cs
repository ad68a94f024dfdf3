using System.Runtime.CompilerServices;
using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.Output;
using ReliefMatch.SampleData.People;
using ReliefMatch.SampleData.Places;

namespace ReliefMatch.SampleData.Sources;

/// <summary>
/// 公安 户籍注销人员: every cancellation of a registration in the coverage, deaths and the (more numerous)
/// moves away, in order of cancellation. Messy: a GB18030 CSV with 注销原因, and a station's late report of
/// deaths as a UTF-8 CSV without that column. Plain: one CSV.
/// </summary>
internal sealed class PoliceDeathsWriter(SamplePopulation population, string outDir)
    : SourceWriter(population, outDir, SourceKind.PoliceDeaths, 202)
{
    /// <summary>Sequence ranks 360..399 of every (address, day): the people who move away, made here.</summary>
    public const int RankBase = SamplePopulation.PatientRankBase + SamplePopulation.PatientRankCount;
    public const int RankCount = 40;

    public static IReadOnlyList<string> PlainHeaders { get; } = ["姓名", "公民身份号码", "性别", "出生日期", "死亡日期", "注销日期", "注销原因", "户籍地址", "派出所"];

    private static readonly string[] MainHeaders = ["序号", "姓名", "性别", "公民身份号码", "出生日期", "死亡日期", "注销日期", "注销原因", "户籍地址", "派出所"];
    private static readonly string[] LateHeaders = ["姓名", "身份证号码", "性别", "出生日期", "死亡日期", "户籍所在派出所"];
    private static readonly WeightedChoice Reasons = new(SampleVocabulary.MoveReasonWeights);

    private struct Cancellation
    {
        public long Key;
        public int Name;
        public ushort Village;
        public bool Death;
        public bool Late;
        public bool WithoutDeathDate;
        public byte Reason;
        public int DeathDay;
        public int CancelDay;
        public int HouseNumber;
    }

    /// <summary>About 0.5 moves away per roster household in the coverage (1.7 % of the county a year).</summary>
    public override long ExpectedRows => Population.Options.Households / 2 + Population.Decedents.Length;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write()
    {
        var rows = Cancellations();
        var style = Plain ? FileStyle.Plain : new FileStyle
        {
            Dates = [(DateForm.Compact, 40), (DateForm.Slash, 30), (DateForm.IsoMidnight, 20), (DateForm.Iso, 10)],
            LowerX = 300, Tab = 80, Apostrophe = 50, FullWidth = 10, PaddedNames = 20,
        };
        ExtractSink main;
        ExtractSink? late = null;
        if (Plain)
        {
            main = OpenCsv($"police-deaths-{CompactMonth}.csv", FileFormat.CsvUtf8);
            main.HeaderRow(PlainHeaders);
        }
        else
        {
            main = OpenCsv($"公安户籍注销人员_{CompactMonth}.csv", FileFormat.CsvGb18030);
            main.HeaderRow(MainHeaders);
            late = OpenCsv($"派出所死亡人员补报_{CompactMonth}.csv", FileFormat.CsvUtf8);
            late.HeaderRow(LateHeaders);
        }
        var damagedAt = Plain ? -1 : Style.Next(Math.Max(1, rows.Length));
        long sequence = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            ref readonly var row = ref rows[i];
            if (late is not null && row.Late)
            {
                WriteLate(late, row, style);
                continue;
            }
            main.BeginRow();
            if (!Plain)
            {
                main.Integer(++sequence);
            }
            Cells.Name(main, row.Name, style, ref Style);
            if (Plain)
            {
                Cells.Id(main, row.Key, style, ref Style);
                Sex(main, row.Key);
            }
            else
            {
                Sex(main, row.Key);
                // One ID was saved by Excel as a number: the reader must reject the row.
                if (i >= damagedAt && damagedAt >= 0 && !row.Death)
                {
                    main.ExcelDamagedId(row.Key);
                    damagedAt = -1;
                }
                else
                {
                    Cells.Id(main, row.Key, style, ref Style);
                }
            }
            main.Date(ResidentIdText.BirthDay(row.Key), style.Date(ref Style));
            if (row.Death && !row.WithoutDeathDate)
            {
                main.Date(row.DeathDay, style.Date(ref Style));
            }
            else
            {
                main.Empty();
            }
            main.Date(row.CancelDay, style.Date(ref Style));
            main.Text(row.Death ? "死亡" : SampleVocabulary.MoveReasons[row.Reason]);
            Address(main, row, !Plain && Style.PerMille(30));
            main.Text(Gazetteer.Villages[row.Village].Township.Station);
            main.EndRow();
        }
        Close(main);
        if (late is not null)
        {
            Close(late);
        }
    }

    private void WriteLate(ExtractSink sink, in Cancellation row, FileStyle style)
    {
        sink.BeginRow();
        Cells.Name(sink, row.Name, style, ref Style);
        Cells.Id(sink, row.Key, style, ref Style);
        Sex(sink, row.Key);
        sink.Date(ResidentIdText.BirthDay(row.Key), DateForm.Iso);
        sink.Date(row.DeathDay, DateForm.Iso);
        sink.Text(Gazetteer.Villages[row.Village].Township.Station);
        sink.EndRow();
    }

    private static void Sex(ExtractSink sink, long key) => sink.Text(ResidentIdText.IsMale(key) ? "男" : "女");

    /// <summary>广西壮族自治区桂林市永福县永福镇城东社区解放路12号; a clerk's comma now and then (so the field is quoted).</summary>
    private static void Address(ExtractSink sink, in Cancellation row, bool comma)
    {
        var village = Gazetteer.Villages[row.Village];
        var street = village.IsCommunity ? SampleVocabulary.Streets[row.HouseNumber % SampleVocabulary.Streets.Count] : "";
        sink.Text($"{village.County.FullName}{village.Township.Name}{village.Name}{(comma ? "," : "")}{street}{row.HouseNumber}号");
    }

    /// <summary>The deaths known to the police and the moves away, in order of cancellation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Cancellation[] Cancellations()
    {
        var population = Population;
        var list = new List<Cancellation>((int)ExpectedRows + 16);
        var export = population.ExportDate.DayNumber;
        foreach (var decedent in population.Decedents)
        {
            if ((decedent.Channels & (DeathChannels.Police | DeathChannels.PoliceLate)) == 0)
            {
                continue;
            }
            ref readonly var person = ref population.Persons[decedent.Person];
            list.Add(new Cancellation
            {
                Key = person.Key,
                Name = person.Name,
                Village = person.Village,
                Death = true,
                Late = (decedent.Channels & DeathChannels.Police) == 0,
                WithoutDeathDate = decedent.PoliceWithoutDeathDate,
                DeathDay = decedent.DeathDay,
                CancelDay = decedent.CancelDay,
                HouseNumber = 1 + Data.Next(120),
            });
        }
        var first = population.CoverageStart.DayNumber;
        var span = export - first + 1;
        foreach (var mover in population.RosterMovers)
        {
            ref readonly var person = ref population.Persons[mover];
            list.Add(new Cancellation
            {
                Key = person.Key,
                Name = person.Name,
                Village = person.Village,
                Reason = (byte)(Data.PerMille(900) ? 0 : 2),
                CancelDay = first + Data.Next(span),
                HouseNumber = 1 + Data.Next(120),
            });
        }
        var ids = new IdAllocator(RankBase, RankCount);
        var movers = Math.Max(10, population.Options.Households / 2);
        for (var i = 0; i < movers; i++)
        {
            var village = Gazetteer.Villages[population.HomeVillageChoice.Pick(ref Data)];
            var birth = AgeProfile.Movers.BirthDay(ref Data, population.End);
            var male = Data.PerMille(520);
            var key = ids.Allocate(SamplePopulation.Birthplace(ref Data, neighbour: false), birth, male);
            // Not before the person was born (a baby registered and moved in the same year).
            var from = Math.Max(first, ResidentIdText.BirthDay(key) + 1);
            list.Add(new Cancellation
            {
                Key = key,
                Name = ChineseNames.Create(ref Data, male, ResidentIdText.BirthDate(key).Year),
                Village = (ushort)village.Index,
                Reason = (byte)Reasons.Pick(ref Data),
                CancelDay = from >= export ? export : from + Data.Next(export - from + 1),
                HouseNumber = 1 + Data.Next(120),
            });
        }
        var rows = list.ToArray();
        var order = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            order[i] = (long)rows[i].CancelDay << 32 | (uint)i;
        }
        Array.Sort(order, rows);
        return rows;
    }
}
