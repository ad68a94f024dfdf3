using System.Runtime.CompilerServices;
using ReliefMatch.Core.Periods;
using ReliefMatch.SampleData.People;
using ReliefMatch.SampleData.Places;

namespace ReliefMatch.SampleData.Model;

/// <summary>
/// The county behind the extracts, built before any file is written: the roster households (home and
/// neighbour county), the monitored households, the people who die, the patients, and the planted cases that
/// the rules must find (or must not). Everything the extracts share lives here, so that a person who dies is
/// the same person in the roster, the police and the health extract; what only one extract needs (the people who
/// move away, most certificate holders) is made by that extract's writer.
/// </summary>
/// <remarks>
/// Built by one thread from its own random streams, in a fixed order: the same options give the same county.
/// The writers only read it.
/// </remarks>
internal sealed partial class SamplePopulation
{
    /// <summary>Sequence ranks 0..299 of every (address, birth day) belong to the people made here.</summary>
    public const int RankBase = 0;
    public const int RankCount = 300;

    /// <summary>Ranks 300..359: the patients from the county at large, made at the same time on another thread.</summary>
    public const int PatientRankBase = RankBase + RankCount;
    public const int PatientRankCount = 60;

    private readonly IdAllocator _ids = new(RankBase, RankCount);
    private readonly SortedDictionary<string, int> _planted = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<PlantedSettlement>> _plantedSettlements = [];
    private readonly Dictionary<int, int> _deathDays = [];

    private SamplePopulation(SampleOptions options)
    {
        Options = options;
        Period = options.Month;
        End = Period.Last;
        CoverageStart = Period.First.AddMonths(-12);
        MedicalWindowStart = Period.First.AddMonths(-11);
        ExportDate = End.AddDays(10);
        Seed = options.Seed;
        var n = options.Households;
        Persons = new PersonStore(n * 8);
        HomeVillageChoice = VillageChoice(Gazetteer.Home, ruralOnly: false);
        RuralVillageChoice = VillageChoice(Gazetteer.Home, ruralOnly: true);
        NeighbourVillageChoice = VillageChoice(Gazetteer.Neighbour, ruralOnly: false);
    }

    public SampleOptions Options { get; }

    public ReportingMonth Period { get; }

    public long Seed { get; }

    /// <summary>end(P).</summary>
    public DateOnly End { get; }

    /// <summary>The extracts of deaths, cancellations and settlements cover 13 months: P and the 12 before it.</summary>
    public DateOnly CoverageStart { get; }

    /// <summary>The first day of the 12 months ending end(P) (the medical rule's window).</summary>
    public DateOnly MedicalWindowStart { get; }

    /// <summary>The extracts are exported some days after the month, so they hold events after end(P) too.</summary>
    public DateOnly ExportDate { get; }

    /// <summary>The earliest check date that is not overdue at end(P) (2023-01-31 for 2023-07).</summary>
    public DateOnly CheckBoundary { get; private set; }

    public PersonStore Persons { get; }

    /// <summary>Home households first (in village order), then the neighbour county's.</summary>
    public RosterHousehold[] Households { get; private set; } = [];

    public int HomeHouseholdCount { get; private set; }

    public RosterMember[] Members { get; private set; } = [];

    public MonitoredHousehold[] Monitored { get; private set; } = [];

    public MonitoredMember[] MonitoredMembers { get; private set; } = [];

    /// <summary>In order of death.</summary>
    public Decedent[] Decedents { get; private set; } = [];

    /// <summary>Roster people whose registration the police cancelled for a reason other than death.</summary>
    public int[] RosterMovers { get; private set; } = [];

    /// <summary>Everyone with medical settlements, in random order.</summary>
    public int[] Patients { get; private set; } = [];

    public PlantedCertificate[] PlantedCertificates { get; private set; } = [];

    /// <summary>People made for the roster are [0, RosterPersonEnd); then the monitored, the dead and the patients.</summary>
    public int RosterPersonEnd { get; private set; }

    public int MonitoredPersonEnd { get; private set; }

    /// <summary>How many of each planted case, for the summary.</summary>
    public IReadOnlyDictionary<string, int> Planted => _planted;

    public WeightedChoice HomeVillageChoice { get; }

    public WeightedChoice RuralVillageChoice { get; }

    public WeightedChoice NeighbourVillageChoice { get; }

    public static SamplePopulation Build(SampleOptions options)
    {
        var population = new SamplePopulation(options);
        population.BuildAll();
        return population;
    }

    private void BuildAll()
    {
        // The county's patients off every list need nothing else: made alongside, with their own ID ranks.
        var generalPatients = Task.Run(GeneralPatients);
        CheckBoundary = NotOverdueBoundary(End);
        var roster = new SampleRandom(Seed, 101);
        BuildRoster(ref roster);
        var plants = new SampleRandom(Seed, 102);
        PlantRoster(ref plants);
        var monitoring = new SampleRandom(Seed, 103);
        BuildMonitoring(ref monitoring);
        MarkTraits();
        var deaths = new SampleRandom(Seed, 104);
        BuildDeaths(ref deaths);
        var lowIncome = new SampleRandom(Seed, 105);
        PlantLowIncome(ref lowIncome);
        var patients = new SampleRandom(Seed, 106);
        BuildPatients(ref patients, generalPatients.GetAwaiter().GetResult());
    }

    public SampleVillage VillageOf(int person) => Gazetteer.Villages[Persons[person].Village];

    /// <summary>The planted settlements of a person with <see cref="PersonTraits.PlantedMedical"/>.</summary>
    public IReadOnlyList<PlantedSettlement> PlantedSettlementsOf(int person) =>
        _plantedSettlements.TryGetValue(person, out var list) ? list : [];

    /// <summary>The death day of a person who dies in the window, or <see cref="int.MaxValue"/>.</summary>
    public int DeathDayOf(int person) =>
        (Persons[person].Traits & PersonTraits.Dead) != 0 && _deathDays.TryGetValue(person, out var day) ? day : int.MaxValue;

    /// <summary>
    /// The earliest last-check date that is not overdue: 6 calendar months after it is not before end(P).
    /// For 2023-07 that is 2023-01-31; the day before is overdue.
    /// </summary>
    public static DateOnly NotOverdueBoundary(DateOnly end)
    {
        var candidate = end.AddMonths(-6);
        while (candidate.AddDays(-1).AddMonths(6) >= end)
        {
            candidate = candidate.AddDays(-1);
        }
        while (candidate.AddMonths(6) < end)
        {
            candidate = candidate.AddDays(1);
        }
        return candidate;
    }

    /// <summary>A new person living in <paramref name="village"/>, mostly born in the county they live in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int NewPerson(ref SampleRandom random, int birthDay, bool male, int surname, SampleVillage village)
    {
        var key = _ids.Allocate(Birthplace(ref random, village.County == Gazetteer.Neighbour), birthDay, male);
        var year = ResidentIdText.BirthDate(key).Year;
        var name = surname < 0
            ? ChineseNames.Create(ref random, male, year)
            : ChineseNames.Create(ref random, male, year, surname);
        return Persons.Add(key, name, village.Index);
    }

    internal static int Birthplace(ref SampleRandom random, bool neighbour)
    {
        var r = random.Next(1000);
        if (r < 860)
        {
            return neighbour ? Gazetteer.NeighbourBirthplace : Gazetteer.HomeBirthplace;
        }
        if (r < 900)
        {
            return neighbour ? Gazetteer.HomeBirthplace : Gazetteer.NeighbourBirthplace;
        }
        return 2 + random.Next(Gazetteer.BirthplaceCodes.Count - 2);
    }

    private void Count(string plantedCase, int add = 1)
    {
        _planted[plantedCase] = (_planted.TryGetValue(plantedCase, out var n) ? n : 0) + add;
    }

    /// <summary>How many of a planted case: at least <paramref name="minimum"/>, growing with the county.</summary>
    private int Scaled(int minimum, int perHouseholds) => Math.Max(minimum, Options.Households / perHouseholds);

    private static WeightedChoice VillageChoice(SampleCounty county, bool ruralOnly)
    {
        var weights = new int[Gazetteer.Villages.Length];
        foreach (var township in county.Townships)
        {
            var sum = township.Villages.Sum(v => v.Weight);
            foreach (var v in township.Villages)
            {
                if (!ruralOnly || !v.IsCommunity)
                {
                    weights[v.Index] = township.Weight * v.Weight * 1000 / sum;
                }
            }
        }
        return new WeightedChoice(weights);
    }
}
