using System.Globalization;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Tests.Infrastructure;

/// <summary>Records of each source, built in code, with valid resident IDs of the home county.</summary>
public static class TestRecords
{
    /// <summary>The n-th valid ID (n ≥ 0): address 450326, a birth date from 1950 on, a sequence number.</summary>
    public static string IdNumber(int n)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(n / 900);
        var key = long.Parse(string.Create(CultureInfo.InvariantCulture, $"450326{birth:yyyyMMdd}{n % 900 + 100:D3}"), CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{key}{ResidentIdParser.CheckCharacter(key)}");
    }

    public static ParsedId Id(int n) => ResidentIdParser.Parse(IdNumber(n));

    public static RosterRecord Roster(int row, int person, string household = "H1", Programme programme = Programme.RuralDibao) => new()
    {
        Row = row,
        Name = "张" + person.ToString(CultureInfo.InvariantCulture),
        Id = Id(person),
        CountyCode = "450326",
        County = "永福县",
        Township = "永福镇",
        Village = "城北村",
        HouseholdId = household,
        HeadName = "张户主",
        HeadIdNumber = IdNumber(person),
        Relation = "户主",
        Programme = programme,
        SupportMode = SupportMode.Dispersed,
        Status = EnrolmentStatus.Active,
        EnrolledOn = new DateOnly(2020, 3, 1),
        MonthlyAmount = 520.50m,
        LastCheckOn = new DateOnly(2023, 1, 31),
        LastVisitOn = null,
        WorkAbility = WorkAbility.Able,
        IncomeStable = false,
    };

    public static DeathRecord PoliceDeath(int row, int person, DateOnly death) => new()
    {
        Row = row,
        Name = "李" + person.ToString(CultureInfo.InvariantCulture),
        Id = Id(person),
        Kind = SourceKind.PoliceDeaths,
        Sex = Sex.Male,
        BirthDate = new DateOnly(1950, 1, 1),
        DeathDate = death,
        CancelledOn = death.AddDays(10),
        CancelReason = "死亡",
        IsDeath = true,
        Place = null,
        Cause = null,
        Reporter = null,
    };

    public static DeathRecord HealthDeath(int row, int person, DateOnly death) => new()
    {
        Row = row,
        Name = "李" + person.ToString(CultureInfo.InvariantCulture),
        Id = Id(person),
        Kind = SourceKind.HealthDeaths,
        Sex = Sex.Male,
        BirthDate = new DateOnly(1950, 1, 1),
        DeathDate = death,
        IsDeath = true,
        Place = "家中",
        Cause = "心力衰竭",
        Reporter = "永福县人民医院",
    };

    public static DisabilityRecord Disability(int row, int person, int level, DisabilityCategory category = DisabilityCategory.Physical) => new()
    {
        Row = row,
        Name = "王" + person.ToString(CultureInfo.InvariantCulture),
        Id = Id(person),
        CertificateNo = IdNumber(person) + ((int)category).ToString(CultureInfo.InvariantCulture) + level.ToString(CultureInfo.InvariantCulture),
        Category = category,
        Level = level,
        IssuedOn = new DateOnly(2019, 5, 6),
        CertificateStatus = "有效",
        Township = "永福镇",
        Village = "城北村",
    };

    public static MedicalRecord Medical(int row, int person, decimal outOfPocket, DateOnly? settledOn = null) => new()
    {
        Row = row,
        Name = "赵" + person.ToString(CultureInfo.InvariantCulture),
        Id = Id(person),
        SettledOn = settledOn ?? new DateOnly(2023, 6, 15),
        Total = outOfPocket + 1000m,
        BasicPaid = 800m,
        CriticalPaid = 150.25m,
        AssistancePaid = 49.75m,
        OutOfPocket = outOfPocket,
        VisitType = "住院",
        Institution = "永福县人民医院",
    };

    public static MonitoringRecord Monitoring(int row, int person) => new()
    {
        Row = row,
        Name = "陈" + person.ToString(CultureInfo.InvariantCulture),
        Id = Id(person),
        HouseholdId = "M" + person.ToString(CultureInfo.InvariantCulture),
        Relation = "户主",
        MonitorType = "边缘易致贫户",
        Risk = "因病",
        IdentifiedOn = new DateOnly(2022, 9, 1),
        RiskCleared = false,
        IncomePerCapita = 6800m,
        Township = "罗锦镇",
        Village = "下村",
    };
}
