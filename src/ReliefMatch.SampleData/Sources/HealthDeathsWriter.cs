using System.Runtime.CompilerServices;
using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.Output;
using ReliefMatch.SampleData.People;
using ReliefMatch.SampleData.Places;

namespace ReliefMatch.SampleData.Sources;

/// <summary>
/// 卫健 死亡医学证明: one certificate per death that was certified, in order of death. Some carry no ID, a
/// relative's, or a mistyped one. Messy: UTF-8 with BOM, date-times, causes on two lines (quoted). Plain: one CSV.
/// </summary>
internal sealed class HealthDeathsWriter(SamplePopulation population, string outDir)
    : SourceWriter(population, outDir, SourceKind.HealthDeaths, 203)
{
    public static IReadOnlyList<string> PlainHeaders { get; } = ["死者姓名", "身份证件号码", "性别", "出生日期", "死亡日期", "死亡地点", "根本死因", "报告单位"];

    private static readonly string[] MessyHeaders = ["死者姓名", "性别", "出生日期", "身份证件号码", "死亡时间", "死亡地点", "根本死因", "报告单位"];
    private static readonly WeightedChoice Places = new(SampleVocabulary.DeathPlaceWeights);
    private static readonly WeightedChoice Causes = new(SampleVocabulary.CauseWeights);

    public override long ExpectedRows => Population.Decedents.Length;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write()
    {
        var style = Plain ? FileStyle.Plain : new FileStyle
        {
            Dates = [(DateForm.IsoMinutes, 70), (DateForm.SlashSeconds, 20), (DateForm.Chinese, 10)],
            LowerX = 150, Spaces = 30, TrailingSpace = 30, PaddedNames = 10,
        };
        var sink = Plain
            ? OpenCsv($"health-deaths-{CompactMonth}.csv", FileFormat.CsvUtf8)
            : OpenCsv($"死亡医学证明_{ChineseMonth}.csv", FileFormat.CsvUtf8Bom);
        sink.HeaderRow(Plain ? PlainHeaders : MessyHeaders);
        foreach (var decedent in Population.Decedents)
        {
            if ((decedent.Channels & DeathChannels.Health) == 0)
            {
                continue;
            }
            ref readonly var person = ref Population.Persons[decedent.Person];
            var village = Gazetteer.Villages[person.Village];
            // Data first, in the same order for plain and messy output.
            var place = Places.Pick(ref Data);
            var cause = Causes.Pick(ref Data);
            var minute = Data.Between(0, 1439);
            var reporter = Reporter(place, village);
            string? id = decedent.HealthId switch
            {
                HealthIdForm.None => null,
                HealthIdForm.RelativesId => ResidentIdText.ToString(Population.Persons[decedent.RelativePerson].Key),
                HealthIdForm.MistypedDigit => ResidentIdText.Mistyped(person.Key, swap: false, ref Data),
                HealthIdForm.SwappedDigits => ResidentIdText.Mistyped(person.Key, swap: true, ref Data),
                _ => ResidentIdText.ToString(person.Key),
            };

            sink.BeginRow();
            Cells.Name(sink, person.Name, style, ref Style);
            if (Plain)
            {
                WriteId(sink, id, style);
                Sex(sink, person.Key);
                sink.Date(ResidentIdText.BirthDay(person.Key), DateForm.Iso);
                sink.Date(decedent.DeathDay, DateForm.Iso);
            }
            else
            {
                Sex(sink, person.Key);
                sink.Date(ResidentIdText.BirthDay(person.Key), DateForm.Iso);
                WriteId(sink, id, style);
                sink.Date(decedent.DeathDay, style.Date(ref Style), minute);
            }
            sink.Text(SampleVocabulary.DeathPlaces[place]);
            if (!Plain && Style.PerMille(50))
            {
                sink.Text(SampleVocabulary.CauseChains[Style.Next(SampleVocabulary.CauseChains.Count)]);
            }
            else if (!Plain && Style.PerMille(30))
            {
                sink.Text(SampleVocabulary.Causes[cause] + ",呼吸循环衰竭");
            }
            else
            {
                sink.Text(SampleVocabulary.Causes[cause]);
            }
            sink.Text(reporter);
            sink.EndRow();
        }
        Close(sink);
    }

    private void WriteId(ExtractSink sink, string? id, FileStyle style)
    {
        if (id is null)
        {
            sink.Empty();
        }
        else
        {
            Cells.IdText(sink, id, style, ref Style);
        }
    }

    private static void Sex(ExtractSink sink, long key) => sink.Text(ResidentIdText.IsMale(key) ? "男" : "女");

    /// <summary>The hospital that certified a death there; the township health centre for deaths elsewhere.</summary>
    private string Reporter(int place, SampleVillage village) => SampleVocabulary.DeathPlaces[place] switch
    {
        "医院" or "来院途中" => Data.PerMille(700)
            ? Gazetteer.CountyHospitals[Data.Next(2)]
            : Gazetteer.CityHospitals[Data.Next(Gazetteer.CityHospitals.Count)],
        _ => village.Township.County == Gazetteer.Home ? village.Township.HealthCentre : Gazetteer.CountyHospitals[0],
    };
}
