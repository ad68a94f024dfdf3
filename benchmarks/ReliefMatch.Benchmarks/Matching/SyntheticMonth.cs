using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Places;

namespace ReliefMatch.Benchmarks.Matching;

/// <summary>
/// A month's data built in memory, in the proportions of a real county's extracts: roster persons in households
/// of three across nine townships, with a few of them also dead, disabled, monitored, enrolled twice or holding
/// a bad ID, among many more departmental records of people who are not on the roster. Reproducible from the seed.
/// </summary>
public static class SyntheticMonth
{
    public static readonly ReportingMonth Period = new(2023, 7);

    /// <summary>The county the synthetic roster is of.</summary>
    public static readonly HomeCounty County = new("450326", "永福县");

    private static readonly string[] Townships = ["永福镇", "罗锦镇", "百寿镇", "苏桥镇", "三皇镇", "堡里镇", "广福乡", "龙江乡", "永安乡"];
    private static readonly Programme[] Programmes =
        [Programme.RuralDibao, Programme.RuralDibao, Programme.RuralDibao, Programme.RuralDibao, Programme.UrbanDibao,
         Programme.Tekun, Programme.Tekun, Programme.Edge, Programme.Edge, Programme.Expenditure];

    /// <param name="rosterPersons">Roster rows (households of about three).</param>
    /// <param name="medicalRows">Medical settlements; the other sources scale with the roster.</param>
    public static ExtractSet Build(int rosterPersons, int medicalRows, int seed = 20230701)
    {
        var random = new Random(seed);
        var roster = new List<RosterRecord>(rosterPersons + rosterPersons / 100);
        var people = new List<(string Name, ParsedId Id)>(rosterPersons);
        var household = 0;
        var township = "";
        var village = "";
        var programme = Programme.RuralDibao;
        for (var i = 0; i < rosterPersons; i++)
        {
            if (i % 3 == 0)
            {
                household++;
                township = Townships[random.Next(Townships.Length)];
                village = township[..2] + "村" + random.Next(1, 12);
                programme = Programmes[random.Next(Programmes.Length)];
            }
            // One ID in 200 has a wrong check character (the roster's data-quality finding).
            var idText = SyntheticIds.Next(random);
            if (random.Next(200) == 0)
            {
                idText = idText[..17] + (idText[17] == '0' ? '1' : '0');
            }
            var person = (Name: Name(random), Id: ResidentIdParser.Parse(idText));
            people.Add(person);
            roster.Add(Roster(person, i, household, township, village, programme, random));
        }
        // One person in a hundred is enrolled a second time, in another household of the neighbouring county.
        for (var i = 0; i < rosterPersons / 100; i++)
        {
            var person = people[random.Next(people.Count)];
            roster.Add(Roster(person, rosterPersons + i, household + 1 + i, "临桂镇", "临桂村", Programme.RuralDibao, random) with { CountyCode = "450312" });
        }

        var deaths = new List<DeathRecord>();
        var disability = new List<DisabilityRecord>();
        var monitoring = new List<MonitoringRecord>();
        var medical = new List<MedicalRecord>(medicalRows);
        // Each source: a share of its rows about roster persons (with one name in fifty spelt otherwise), the rest strangers.
        (string Name, ParsedId Id) Someone(int rosterShareOutOf100)
        {
            if (random.Next(100) < rosterShareOutOf100)
            {
                var p = people[random.Next(people.Count)];
                return random.Next(50) == 0 ? (Name(random), p.Id) : p;
            }
            return (Name(random), ResidentIdParser.Parse(SyntheticIds.Next(random)));
        }
        for (var i = 0; i < rosterPersons / 2; i++)
        {
            var (name, id) = Someone(4);
            var police = i % 4 != 0;
            deaths.Add(new DeathRecord
            {
                ExtractId = police ? 3 : 4, Row = i + 2, Name = name, Id = id,
                Kind = police ? SourceKind.PoliceDeaths : SourceKind.HealthDeaths,
                DeathDate = Period.Last.AddDays(-random.Next(0, 400)), IsDeath = true,
                CancelReason = police ? "死亡" : null,
            });
        }
        for (var i = 0; i < rosterPersons * 3 / 2; i++)
        {
            var (name, id) = Someone(10);
            disability.Add(new DisabilityRecord
            {
                ExtractId = 5, Row = i + 2, Name = name, Id = id,
                Category = (DisabilityCategory)random.Next(1, 8), Level = random.Next(1, 5),
                CertificateStatus = random.Next(20) == 0 ? "注销" : "有效",
            });
        }
        for (var i = 0; i < rosterPersons; i++)
        {
            var (name, id) = Someone(8);
            monitoring.Add(new MonitoringRecord
            {
                ExtractId = 6, Row = i + 2, Name = name, Id = id,
                MonitorType = "边缘易致贫户", RiskCleared = random.Next(4) == 0,
            });
        }
        for (var i = 0; i < medicalRows; i++)
        {
            var (name, id) = Someone(30);
            var inpatient = random.Next(10) == 0;
            var total = inpatient ? random.Next(3_000, 60_000) : random.Next(20, 600);
            medical.Add(new MedicalRecord
            {
                ExtractId = 7 + i % 2, Row = i / 2 + 2, Name = name, Id = id,
                SettledOn = Period.Last.AddDays(-random.Next(0, 540)),
                Total = total, BasicPaid = total * 0.6m, OutOfPocket = total * 0.3m,
                VisitType = inpatient ? "住院" : "门诊", Institution = inpatient ? "永福县人民医院" : "永福镇卫生院",
            });
        }

        var extracts = new Dictionary<long, ExtractInfo>
        {
            [1] = new(1, SourceKind.Roster, "roster/roster-450326.csv", new string('1', 64), Period.ToString()),
            [2] = new(2, SourceKind.Roster, "roster/roster-450312.csv", new string('2', 64), Period.ToString()),
            [3] = new(3, SourceKind.PoliceDeaths, "police-deaths/police-deaths.csv", new string('3', 64), Period.ToString()),
            [4] = new(4, SourceKind.HealthDeaths, "health-deaths/health-deaths.csv", new string('4', 64), Period.ToString()),
            [5] = new(5, SourceKind.Disability, "disability/disability.csv", new string('5', 64), Period.ToString()),
            [6] = new(6, SourceKind.Monitoring, "monitoring/monitoring.csv", new string('6', 64), Period.ToString()),
            [7] = new(7, SourceKind.Medical, "medical/medical-inpatient.csv", new string('7', 64), Period.ToString()),
            [8] = new(8, SourceKind.Medical, "medical/medical-outpatient.csv", new string('8', 64), Period.ToString()),
        };
        return new ExtractSet { Roster = roster, Deaths = deaths, Disability = disability, Medical = medical, Monitoring = monitoring, Extracts = extracts };
    }

    /// <summary>Every record of the set: the count the matching throughput is measured in.</summary>
    public static long RecordCount(ExtractSet data) =>
        (long)data.Roster.Count + data.Deaths.Count + data.Disability.Count + data.Medical.Count + data.Monitoring.Count;

    private static RosterRecord Roster((string Name, ParsedId Id) person, int row, int household, string township, string village, Programme programme, Random random) => new()
    {
        ExtractId = township == "临桂镇" ? 2 : 1,
        Row = row + 2,
        Name = person.Name,
        Id = person.Id,
        CountyCode = "450326",
        Township = township,
        Village = village,
        HouseholdId = "H" + household.ToString("D7", System.Globalization.CultureInfo.InvariantCulture),
        Relation = row % 3 == 0 ? "户主" : "子女",
        Programme = programme,
        Status = random.Next(25) switch
        {
            0 => EnrolmentStatus.Stopped,
            1 => EnrolmentStatus.PhasingOut,
            _ => EnrolmentStatus.Active,
        },
        MonthlyAmount = 480m,
        EnrolledOn = new DateOnly(2018, 1, 1).AddDays(random.Next(0, 2000)),
        LastCheckOn = new DateOnly(2022, 6, 1).AddDays(random.Next(0, 400)),
        LastVisitOn = new DateOnly(2022, 6, 1).AddDays(random.Next(0, 400)),
        WorkAbility = (WorkAbility)random.Next(1, 4),
        IncomeStable = random.Next(2) == 0,
    };

    private static string Name(Random random) =>
        string.Concat("张王李赵刘陈杨黄周吴"[random.Next(10)].ToString(), "明华建国秀英丽芳军平"[random.Next(10)].ToString(), "伟强磊洋艳娟敏静杰涛"[random.Next(10)].ToString());
}
