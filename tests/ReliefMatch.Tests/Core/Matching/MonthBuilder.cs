using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Places;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Tests.Core.Matching;

/// <summary>
/// Builds the data of one month record by record. Each source is one extract (roster 1, police 2, health 3,
/// disability 4, medical 5, monitoring 6) and rows are numbered in the order records are added, from 2
/// (row 1 being the header).
/// </summary>
internal sealed class MonthBuilder
{
    public const string Home = "450326";
    public const string Neighbour = "450322"; // 临桂区

    /// <summary>The county the months are evaluated for, as an installation names it.</summary>
    public static readonly HomeCounty County = new(Home, "永福县");

    public static readonly HomeCounty NeighbourCounty = new(Neighbour, "临桂区");

    private readonly List<RosterRecord> _roster = [];
    private readonly List<DeathRecord> _deaths = [];
    private readonly List<DisabilityRecord> _disability = [];
    private readonly List<MedicalRecord> _medical = [];
    private readonly List<MonitoringRecord> _monitoring = [];
    private int _row = 1;
    private readonly Dictionary<string, (DeclaredTable.Builder Builder, HashSet<string> Present)> _declared = new(StringComparer.Ordinal);

    public MonthBuilder Roster(string? id, string name, string household, Programme programme = Programme.RuralDibao,
        EnrolmentStatus status = EnrolmentStatus.Active, string county = Home, string township = "苏桥镇", string? village = "古城村",
        string? relation = "户主", DateOnly? lastCheck = null, DateOnly? lastVisit = null, WorkAbility? workAbility = null,
        bool? incomeStable = null, string? countyName = null, DateOnly? enrolledOn = null, SupportMode? supportMode = null,
        decimal? monthlyAmount = null)
    {
        _roster.Add(new RosterRecord
        {
            ExtractId = 1,
            Row = ++_row,
            Name = name,
            Id = Ids.Parse(id),
            CountyCode = county,
            County = countyName ?? (county == Home ? "永福县" : county == Neighbour ? "临桂区" : null),
            Township = township,
            Village = village,
            HouseholdId = household,
            Relation = relation,
            Programme = programme,
            Status = status,
            LastCheckOn = lastCheck,
            LastVisitOn = lastVisit,
            WorkAbility = workAbility,
            IncomeStable = incomeStable,
            EnrolledOn = enrolledOn,
            SupportMode = supportMode,
            MonthlyAmount = monthlyAmount,
        });
        return this;
    }

    public MonthBuilder PoliceDeath(string? id, string name, DateOnly? death, string? reason = "死亡", DateOnly? cancelled = null,
        Sex? sex = null, DateOnly? birth = null)
    {
        _deaths.Add(new DeathRecord
        {
            ExtractId = 2,
            Row = ++_row,
            Name = name,
            Id = Ids.Parse(id),
            Kind = SourceKind.PoliceDeaths,
            DeathDate = death,
            CancelledOn = cancelled,
            CancelReason = reason,
            IsDeath = reason is null or "死亡",
            Sex = sex,
            BirthDate = birth,
        });
        return this;
    }

    public MonthBuilder HealthDeath(string? id, string name, DateOnly death, Sex? sex = null, DateOnly? birth = null)
    {
        _deaths.Add(new DeathRecord
        {
            ExtractId = 3,
            Row = ++_row,
            Name = name,
            Id = Ids.Parse(id),
            Kind = SourceKind.HealthDeaths,
            DeathDate = death,
            IsDeath = true,
            Sex = sex,
            BirthDate = birth,
        });
        return this;
    }

    public MonthBuilder Disability(string? id, string name, DisabilityCategory category, int level, string? status = "有效",
        string? township = null, string? village = null)
    {
        _disability.Add(new DisabilityRecord
        {
            ExtractId = 4,
            Row = ++_row,
            Name = name,
            Id = Ids.Parse(id),
            Category = category,
            Level = level,
            CertificateStatus = status,
            Township = township,
            Village = village,
        });
        return this;
    }

    public MonthBuilder Medical(string? id, string name, DateOnly settled, decimal outOfPocket, string? visitType = "住院")
    {
        _medical.Add(new MedicalRecord
        {
            ExtractId = 5,
            Row = ++_row,
            Name = name,
            Id = Ids.Parse(id),
            SettledOn = settled,
            OutOfPocket = outOfPocket,
            VisitType = visitType,
        });
        return this;
    }

    public MonthBuilder Monitoring(string? id, string name, bool riskCleared = false, string? township = "罗锦镇", string? village = "和平村",
        DateOnly? identifiedOn = null)
    {
        _monitoring.Add(new MonitoringRecord
        {
            ExtractId = 6,
            Row = ++_row,
            Name = name,
            Id = Ids.Parse(id),
            RiskCleared = riskCleared,
            IdentifiedOn = identifiedOn,
            Township = township,
            Village = village,
        });
        return this;
    }

    /// <summary>
    /// A household of the neighbouring county with every optional roster column filled: it raises nothing itself,
    /// and makes the month's roster have the columns, so that a test of a home household without a value is not a
    /// test of a roster without the column (docs/rules.md, "A rule whose input is missing").
    /// </summary>
    public MonthBuilder WithEveryRosterColumn() => Roster(Ids.Make("19700101", 991, Neighbour), "外县甲", "N1", county: Neighbour,
        lastCheck: new DateOnly(2023, 6, 1), lastVisit: new DateOnly(2023, 6, 1), workAbility: WorkAbility.Able, incomeStable: true);

    /// <summary>
    /// A record of a declared source (<see cref="TestSources"/>), extract 100 + the source's order of first use: the name
    /// and ID, then the other fields by name (values as <see cref="DeclaredTable"/> holds them). Every declared field
    /// counts as a column of the month's files unless <see cref="WithoutColumn"/> says otherwise.
    /// </summary>
    public MonthBuilder Record(string source, string? id, string name, params (string Field, object? Value)[] values)
    {
        var (builder, _) = Source(source);
        var declaration = TestSources.Of(source);
        var row = new object?[declaration.Fields.Count];
        foreach (var (field, value) in values)
        {
            var i = declaration.Fields.ToList().FindIndex(f => f.Name == field);
            Assert.True(i >= 0, $"{source} declares no field {field}");
            row[i] = value;
        }
        var parsed = Ids.Parse(id);
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = declaration.Fields[i].Type switch
            {
                FieldType.ResidentId => id,
                FieldType.Name => name,
                _ => row[i],
            };
        }
        builder.Add(100 + _declared.Keys.ToList().IndexOf(source), ++_row, name, parsed, row);
        return this;
    }

    /// <summary>No file of <paramref name="source"/> this month has a column for <paramref name="field"/>.</summary>
    public MonthBuilder WithoutColumn(string source, string field)
    {
        Source(source).Present.Remove(field);
        return this;
    }

    private (DeclaredTable.Builder Builder, HashSet<string> Present) Source(string source)
    {
        if (!_declared.TryGetValue(source, out var entry))
        {
            var declaration = TestSources.Of(source);
            entry = (new DeclaredTable.Builder(declaration), declaration.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal));
            _declared.Add(source, entry);
        }
        return entry;
    }

    public ExtractSet Build() => new()
    {
        Declared = _declared.ToDictionary(d => d.Key, d => d.Value.Builder.Build(d.Value.Present), StringComparer.Ordinal),
        Roster = _roster.ToList(),
        Deaths = _deaths.ToList(),
        Disability = _disability.ToList(),
        Medical = _medical.ToList(),
        Monitoring = _monitoring.ToList(),
    };
}
