using System.Runtime.CompilerServices;
using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.Output;
using ReliefMatch.SampleData.People;
using ReliefMatch.SampleData.Places;

namespace ReliefMatch.SampleData.Sources;

/// <summary>
/// 医保 结算明细, in two files written by two writers at once: inpatient settlements (a GB18030 CSV that has
/// 个人自付) and outpatient ones (a UTF-8 CSV without it, so out-of-pocket is total minus the funds' payments).
/// About ten settlements per roster household over the 13 months of coverage; several per patient.
/// </summary>
internal sealed class MedicalWriter : SourceWriter
{
    public static IReadOnlyList<string> PlainHeaders { get; } =
        ["姓名", "身份证号", "结算日期", "医疗总费用", "基本医疗保险支付", "大病保险支付", "医疗救助支付", "个人自付", "就诊类型", "就诊机构"];

    private static readonly string[] InpatientHeaders =
        ["序号", "参保人姓名", "公民身份号码", "医疗类别", "医疗机构名称", "出院日期", "医疗总费用", "统筹支付", "大病保险支付", "医疗救助支付", "个人自付金额"];

    private static readonly string[] OutpatientHeaders = ["姓名", "证件号码", "就诊类型", "就诊机构", "结算日期", "总费用", "基本医保支付", "大病保险支付", "医疗救助支付"];

    // Settlements per patient.
    private static readonly int[] OutpatientCounts = [1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15];
    private static readonly WeightedChoice OutpatientCountChoice = new(26, 21, 15, 11, 8, 6, 4, 3, 3, 2, 1);
    private static readonly WeightedChoice InpatientCountChoice = new(62, 25, 9, 3, 1);

    // Totals in yuan: bucket bounds and shares.
    private static readonly (int Low, int High)[] OutpatientBuckets = [(20, 100), (100, 300), (300, 800), (800, 2000), (2000, 8000)];
    private static readonly WeightedChoice OutpatientBucketChoice = new(40, 30, 18, 9, 3);
    private static readonly WeightedChoice ChronicBucketChoice = new(0, 0, 30, 40, 30);
    private static readonly (int Low, int High)[] InpatientBuckets = [(1000, 3000), (3000, 8000), (8000, 20000), (20000, 60000), (60000, 200000)];
    private static readonly WeightedChoice InpatientBucketChoice = new(25, 35, 25, 12, 3);

    private static readonly string[] VisitTypes = ["住院", "门诊", "门诊慢特病"];

    private readonly bool _inpatient;
    private readonly string[] _clinics;
    private ExtractSink? _sink;
    private FileStyle _style = FileStyle.Plain;
    private long _sequence;
    private long _damagedAt = -1;

    // A patient's rows come together: the ID is formatted once for all of them.
    private readonly char[] _id = new char[18];
    private long _idKey = -1;

    public MedicalWriter(SamplePopulation population, string outDir, bool inpatient)
        : base(population, outDir, SourceKind.Medical, inpatient ? 206UL : 207UL)
    {
        _inpatient = inpatient;
        _clinics = Gazetteer.Villages.Select(v => v.Name + "卫生室").ToArray();
    }

    public override long ExpectedRows => Population.Patients.Length * (_inpatient ? 55L : 354L) / 100;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write()
    {
        if (Plain)
        {
            _sink = OpenCsv($"medical-{(_inpatient ? "inpatient" : "outpatient")}-{CompactMonth}.csv", FileFormat.CsvUtf8);
            _sink.HeaderRow(PlainHeaders);
        }
        else if (_inpatient)
        {
            _style = new FileStyle
            {
                Dates = [(DateForm.Slash, 60), (DateForm.Iso, 30), (DateForm.Compact, 10)],
                Money = [(MoneyForm.Plain, 70), (MoneyForm.Thousands, 30)],
                LowerX = 300, FullWidth = 10, Tab = 30, Apostrophe = 30, PaddedNames = 20,
            };
            _sink = OpenCsv($"医保结算_住院_{CompactMonth}.csv", FileFormat.CsvGb18030);
            _sink.HeaderRow(InpatientHeaders);
            _damagedAt = Style.NextLong(Math.Max(1, ExpectedRows));
        }
        else
        {
            _style = new FileStyle
            {
                Dates = [(DateForm.SlashSeconds, 60), (DateForm.IsoMinutes, 40)],
                Money = [(MoneyForm.Plain, 80), (MoneyForm.Yuan, 8), (MoneyForm.FullWidthYen, 6), (MoneyForm.Yen, 6)],
                LowerX = 200, Spaces = 10, TrailingSpace = 20,
            };
            _sink = OpenCsv($"医保结算_门诊_{CompactMonth}.csv", FileFormat.CsvUtf8);
            _sink.HeaderRow(OutpatientHeaders);
        }

        var population = Population;
        var first = population.CoverageStart.DayNumber;
        var end = population.End.DayNumber;
        foreach (var p in population.Patients)
        {
            ref readonly var person = ref population.Persons[p];
            if ((person.Traits & PersonTraits.PlantedMedical) != 0)
            {
                foreach (var planted in population.PlantedSettlementsOf(p))
                {
                    if (planted.Inpatient == _inpatient)
                    {
                        WriteRow(person, planted.Day, planted.Inpatient ? 0 : 1, planted.TotalCents, planted.BasicCents, planted.CriticalCents,
                            planted.AssistanceCents, Institution(person, planted.Inpatient), 8 * 60 + Data.Next(600));
                    }
                }
                continue;
            }
            var last = Math.Min(end, population.DeathDayOf(p));
            if (last < first)
            {
                continue;
            }
            var count = _inpatient ? InpatientCountChoice.Pick(ref Data) : OutpatientCounts[OutpatientCountChoice.Pick(ref Data)];
            for (var i = 0; i < count; i++)
            {
                var day = first + Data.Next(last - first + 1);
                if (_inpatient)
                {
                    Inpatient(person, day);
                }
                else
                {
                    Outpatient(person, day);
                }
            }
        }
        Close(_sink);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Inpatient(in SamplePerson person, int day)
    {
        var (low, high) = InpatientBuckets[InpatientBucketChoice.Pick(ref Data)];
        var total = Data.Between(low * 100L, high * 100L);
        var basic = Math.Max(0, total - 60_000) * Data.Between(55, 80) / 100;
        var rest = total - basic;
        var critical = rest > 1_200_000 ? (rest - 1_200_000) * 60 / 100 : 0;
        var assistance = Assistance(person.Traits, total - basic - critical, inpatient: true);
        WriteRow(person, day, 0, total, basic, critical, assistance, Institution(person, true), 8 * 60 + Data.Next(600));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Outpatient(in SamplePerson person, int day)
    {
        var chronic = Data.PerMille(150);
        var (low, high) = OutpatientBuckets[(chronic ? ChronicBucketChoice : OutpatientBucketChoice).Pick(ref Data)];
        var total = Data.Between(low * 100L, high * 100L);
        var basic = total * (chronic ? Data.Between(55, 75) : Data.Between(40, 60)) / 100;
        var assistance = Assistance(person.Traits, total - basic, inpatient: false);
        WriteRow(person, day, chronic ? 2 : 1, total, basic, 0, assistance, Institution(person, false), 8 * 60 + Data.Next(600));
    }

    /// <summary>Medical assistance pays much of the rest for dibao and tekun, some of it for other low-income people.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long Assistance(PersonTraits traits, long rest, bool inpatient)
    {
        if ((traits & PersonTraits.DibaoOrTekun) != 0)
        {
            return rest * (inpatient ? Data.Between(60, 85) : Data.Between(30, 60)) / 100;
        }
        if ((traits & PersonTraits.LowIncome) != 0)
        {
            return rest * (inpatient ? Data.Between(30, 60) : Data.Between(20, 40)) / 100;
        }
        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string Institution(in SamplePerson person, bool inpatient)
    {
        var village = Gazetteer.Villages[person.Village];
        var r = Data.Next(100);
        if (inpatient)
        {
            return r switch
            {
                < 35 => Gazetteer.CountyHospitals[0],
                < 50 => Gazetteer.CountyHospitals[1],
                < 75 => village.Township.HealthCentre,
                _ => Gazetteer.CityHospitals[r % Gazetteer.CityHospitals.Count],
            };
        }
        return r switch
        {
            < 35 => _clinics[village.Index],
            < 70 => village.Township.HealthCentre,
            < 92 => Gazetteer.CountyHospitals[r % 3],
            _ => Gazetteer.CityHospitals[r % Gazetteer.CityHospitals.Count],
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteRow(
        in SamplePerson person, int day, int visitType, long total, long basic, long critical, long assistance, string institution, int minute)
    {
        var sink = _sink!;
        var style = _style;
        if (_idKey != person.Key)
        {
            ResidentIdText.Write(person.Key, _id);
            _idKey = person.Key;
        }
        sink.BeginRow();
        if (Plain)
        {
            Cells.Name(sink, person.Name, style, ref Style);
            sink.Text(_id);
            sink.Date(day, DateForm.Iso);
            sink.Money(total, MoneyForm.Plain);
            sink.Money(basic, MoneyForm.Plain);
            sink.Money(critical, MoneyForm.Plain);
            sink.Money(assistance, MoneyForm.Plain);
            sink.Money(total - basic - critical - assistance, MoneyForm.Plain);
            sink.Text(VisitTypes[visitType]);
            sink.Text(institution);
        }
        else if (_inpatient)
        {
            sink.Integer(++_sequence);
            Cells.Name(sink, person.Name, style, ref Style);
            if (_sequence >= _damagedAt && _damagedAt >= 0 && (person.Traits & PersonTraits.Planted) == 0)
            {
                // Excel's rounding of an ID saved as a number: the reader must reject this row.
                sink.ExcelDamagedId(person.Key);
                _damagedAt = -1;
            }
            else
            {
                Cells.IdText(sink, _id, style, ref Style);
            }
            sink.Text(VisitTypes[visitType]);
            sink.Text(institution);
            sink.Date(day, style.Date(ref Style));
            sink.Money(total, style.Amount(ref Style));
            sink.Money(basic, style.Amount(ref Style));
            sink.Money(critical, style.Amount(ref Style));
            sink.Money(assistance, style.Amount(ref Style));
            sink.Money(total - basic - critical - assistance, style.Amount(ref Style));
        }
        else
        {
            Cells.Name(sink, person.Name, style, ref Style);
            Cells.IdText(sink, _id, style, ref Style);
            sink.Text(VisitTypes[visitType]);
            sink.Text(institution);
            sink.Date(day, style.Date(ref Style), minute);
            sink.Money(total, style.Amount(ref Style));
            sink.Money(basic, style.Amount(ref Style));
            sink.Money(critical, style.Amount(ref Style));
            sink.Money(assistance, style.Amount(ref Style));
        }
        sink.EndRow();
    }
}
