using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.People;
using ReliefMatch.SampleData.Places;

namespace ReliefMatch.SampleData.Plan;

internal sealed record StudentRow(int Person, string School, string Stage, string Status, int? GraduatedDay, string? Employment);

internal sealed record HousingRow(int Person, string Type, int ApprovedDay);

internal sealed record RelocationRow(int Person, string HouseholdCode, string Site, int MovedDay);

internal sealed record ApplicationRow(string Number, int Person, string Channel, string? Programme, int AppliedDay, int AcceptedDay, int? VisitedDay, int? DecidedDay, string? Decision);

internal sealed partial class PlanCounty
{
    public List<StudentRow> Students { get; } = [];

    public List<HousingRow> HousingAid { get; } = [];

    public List<RelocationRow> Relocated { get; } = [];

    public List<ApplicationRow> Applications { get; } = [];

    private void PlanTags(ref SampleRandom random)
    {
        // tag-poor-graduate: a low-income 本科 graduate of this year without work; near misses: employed, graduated 13 months ago.
        foreach (var (stage, days, employment, flags, what) in new[]
        {
            ("本科", 45, "未就业", true, "本科 毕业 45 days before end(P), 未就业"),
            ("大专", 45, "已就业", false, "大专 毕业 45 days before end(P), 已就业"),
            ("本科", 400, "待就业", false, "本科 毕业 400 days before end(P) (outside the 12 months)"),
        })
        {
            var h = PickHousehold(ref random, AnyProgramme);
            if (h < 0)
            {
                continue;
            }
            var student = YoungestEnrolled(h);
            Students.Add(new StudentRow(student, stage == "本科" ? "广西师范大学" : "桂林旅游学院", stage, "毕业", End.DayNumber - days, employment));
            Note("tag-poor-graduate", what, flags, $"{Who(student)}（{WhoHousehold(h)}）");
        }

        // tag-housing-aid: a low-income head whose house was renovated; near miss: approved after end(P).
        foreach (var (days, flags, what) in new[] { (-700, true, "农村危房改造 approved before end(P)"), (5, false, "农村危房改造 approved 5 days after end(P)") })
        {
            var h = PickHousehold(ref random, AnyProgramme);
            if (h >= 0)
            {
                var head = FirstEnrolledPerson(h);
                HousingAid.Add(new HousingRow(head, "农村危房改造", End.DayNumber + days));
                Note("tag-housing-aid", what, flags, $"{Who(head)}（{WhoHousehold(h)}）");
            }
        }

        // tag-relocated: a low-income person moved to a resettlement site; near miss: a neighbour on no list.
        var moved = PickHousehold(ref random, AnyProgramme);
        if (moved >= 0)
        {
            var person = FirstEnrolledPerson(moved);
            Relocated.Add(new RelocationRow(person, HouseholdCode(ref random, person), "永福县城北易地扶贫搬迁安置区", new DateOnly(2019, 12, 18).DayNumber));
            Note("tag-relocated", "a low-income person in the relocation list", true, $"{Who(person)}（{WhoHousehold(moved)}）");
        }
        var neighbour = GeneralPerson(ref random);
        Relocated.Add(new RelocationRow(neighbour, HouseholdCode(ref random, neighbour), "永福县城北易地扶贫搬迁安置区", new DateOnly(2019, 12, 18).DayNumber));
        Note("tag-relocated", "a relocated person on no list", false, Who(neighbour));

        NoteMonitoredTags();
    }

    /// <summary>tag-monitored reads the monitoring extract: its households identified in P are the tagged ones.</summary>
    private void NoteMonitoredTags()
    {
        var inP = 0;
        var before = 0;
        foreach (var household in Population.Monitored)
        {
            var identified = Day(household.IdentifiedDay);
            var head = Population.MonitoredMembers[household.FirstMember].Person;
            if (Period.Contains(identified) && !household.Cleared && inP++ < 3)
            {
                Note("tag-monitored", $"monitored household identified {identified:yyyy-MM-dd} (in P), {household.MemberCount} members", true, Who(head));
            }
            else if (Period.Previous.Contains(identified) && !household.Cleared && before++ < 1)
            {
                Note("tag-monitored", $"monitored household identified {identified:yyyy-MM-dd} (the month before P)", false, Who(head));
            }
        }
    }

    private void PlanApplications(ref SampleRandom random)
    {
        var sequence = 0;
        string Number(int accepted) => $"SQ{Gazetteer.Home.Code}{Day(accepted):yyyyMMdd}{++sequence:D4}";
        var end = End.DayNumber;
        // application-not-visited: waiting 45 days unvisited, decided unvisited; near misses: waiting exactly 30 days, visited.
        foreach (var (accepted, visited, decided, flags, what) in new (int, int?, int?, bool, string)[]
        {
            (end - 45, null, null, true, "accepted 45 days before end(P), not visited, not decided"),
            (end - 20, null, end - 3, true, "decided (同意) without a visit"),
            (end - 30, null, null, false, "accepted exactly 30 days before end(P), not visited"),
            (end - 50, end - 40, null, false, "accepted 50 days before end(P), visited 10 days later"),
        })
        {
            var applicant = GeneralPerson(ref random);
            var number = Number(accepted);
            Applications.Add(new ApplicationRow(number, applicant, "窗口申请", "农村低保", accepted - 1, accepted, visited, decided, decided is null ? null : "同意"));
            Note("application-not-visited", $"{number}: {what}", flags, Who(applicant));
        }
        // Everyday applications: visited within two weeks, or accepted too recently to be due.
        string[] channels = ["网上自助申请", "移动终端", "窗口申请", "委托申请"];
        string[] programmes = ["农村低保", "城市低保", "特困人员", "低保边缘", "支出型困难"];
        for (var i = 0; i < Math.Max(12, Population.Options.Households / 15); i++)
        {
            var applicant = GeneralPerson(ref random);
            var accepted = end - random.Next(90);
            var applied = accepted - random.Next(6);
            // A visit is due within two weeks: only an application accepted in the last two weeks may wait for one.
            var visit = accepted + 3 + random.Next(12);
            int? visited = visit <= end ? visit : null;
            int? decided = visited is { } v && v + 20 <= end && random.PerMille(600) ? v + 10 + random.Next(10) : null;
            var decision = decided is null ? random.PerMille(500) ? "审核中" : null : random.PerMille(850) ? "同意" : "不同意";
            Applications.Add(new ApplicationRow(Number(accepted), applicant, channels[random.Next(channels.Length)], programmes[random.Next(programmes.Length)],
                applied, accepted, visited, decided, decision));
        }
    }

    /// <summary>The enrolled member closest to 22 years of age (a student's age).</summary>
    private int YoungestEnrolled(int h) => EnrolledMembers(h).Select(m => Population.Members[m].Person)
        .OrderBy(p => Math.Abs(AgeProfile.AgeAt(ResidentIdText.BirthDay(Person(p).Key), End) - 22)).ThenBy(p => p).First();

    /// <summary>户码 of the rural-revitalisation system: village code + 4 digits.</summary>
    public string HouseholdCode(ref SampleRandom random, int person) => VillageOf(person).Code + random.Between(1, 9999).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
