using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.SampleData.Model;

namespace ReliefMatch.SampleData.Plan;

/// <summary>A payment of month P beside the households' own: to someone not enrolled, or of an item that is no assistance.</summary>
internal sealed record ExtraPayment(int Person, string Item, long Cents, string Account, int Household);

internal sealed partial class PlanCounty
{
    private static readonly Programme[] Dibao = [Programme.UrbanDibao, Programme.RuralDibao];
    private static readonly Programme[] DibaoOrTekun = [Programme.UrbanDibao, Programme.RuralDibao, Programme.Tekun];

    private readonly Dictionary<int, (int Person, int UntilOrdinal)> _payeeOverride = [];
    private readonly HashSet<int> _unpaidInP = [];
    private readonly Dictionary<int, long> _deltaInP = [];
    private readonly HashSet<int> _splitInP = [];
    private readonly Dictionary<int, int> _accountInP = [];
    private readonly Dictionary<int, int> _payeeInP = [];

    /// <summary>Payments of P beside the households' own, in the order they are written.</summary>
    public List<ExtraPayment> ExtraPayments { get; } = [];

    /// <summary>The first month of the payments extract: the 12 months ending P.</summary>
    public ReportingMonth FirstPaidMonth => ReportingMonth.FromOrdinal(Period.Ordinal - 11);

    /// <summary>
    /// Who a household's payment of <paramref name="month"/> goes to, or −1 when the household is not paid: the first
    /// enrolled member with a valid ID who is alive at end(P), else (a household whose every such member died) the
    /// first of them even though dead — the payments run on until the roster learns of the death.
    /// </summary>
    public int Payee(int h, ReportingMonth month)
    {
        if (month == Period && _payeeInP.TryGetValue(h, out var switched))
        {
            return switched;
        }
        if (_payeeOverride.TryGetValue(h, out var o) && month.Ordinal <= o.UntilOrdinal)
        {
            return o.Person;
        }
        return DefaultPayee(h);
    }

    private int DefaultPayee(int h)
    {
        ref readonly var household = ref Household(h);
        if (household.IsNeighbour || household.Status == EnrolmentStatus.Stopped || household.Programme is Programme.Edge or Programme.Expenditure)
        {
            return -1;
        }
        var dead = -1;
        for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
        {
            ref readonly var member = ref Population.Members[m];
            if (member.Status == EnrolmentStatus.Stopped || member.Flaw != IdFlaw.None || (Person(member.Person).Traits & PersonTraits.Unused) != 0)
            {
                continue;
            }
            if (Population.DeathDayOf(member.Person) > End.DayNumber)
            {
                return member.Person;
            }
            if (dead < 0)
            {
                dead = member.Person;
            }
        }
        return dead;
    }

    /// <summary>The months a household is paid: from its enrolment (or the extract's first month) to P, less a planted gap.</summary>
    public bool IsPaid(int h, ReportingMonth month) =>
        month >= FirstPaidMonth && month <= Period
        && ReportingMonth.Of(Day(Household(h).EnrolledDay)) <= month
        && !(month == Period && _unpaidInP.Contains(h));

    /// <summary>The amount paid to a household for <paramref name="month"/>: its monthly amount, with P's planted difference.</summary>
    public long PaidCents(int h, ReportingMonth month) =>
        MonthlyCents(h) + (month == Period && _deltaInP.TryGetValue(h, out var delta) ? delta : 0);

    /// <summary>Whether P's payment of the household is made in two rows (the month's amount less 100 yuan, then 100 yuan of arrears).</summary>
    public bool IsSplitInP(int h) => _splitInP.Contains(h);

    /// <summary>The account a household is paid on; in P a planted household is paid on another's.</summary>
    public string AccountOf(int h, ReportingMonth month) =>
        Account(month == Period && _accountInP.TryGetValue(h, out var other) ? other : h);

    private string Account(int h) =>
        "6217" + (SampleRandom.Mix((ulong)Population.Seed * 31 + (ulong)h) % 1_000_000_000_000_000UL).ToString("D15", System.Globalization.CultureInfo.InvariantCulture);

    private string PersonalAccount(int person) =>
        "6230" + (SampleRandom.Mix((ulong)Population.Seed * 37 + (ulong)person + 0x1000_0000UL) % 1_000_000_000_000_000UL).ToString("D15", System.Globalization.CultureInfo.InvariantCulture);

    private void PlanPayments(ref SampleRandom random)
    {
        PlanPaidAfterDeath();

        // enrolled-not-paid: no payment of P (one dibao, one tekun household); near miss: P paid to another member.
        foreach (var programmes in new[] { Dibao, [Programme.Tekun] })
        {
            var h = PickHousehold(ref random, programmes);
            if (h >= 0 && ReportingMonth.Of(Day(Household(h).EnrolledDay)) < Period)
            {
                _unpaidInP.Add(h);
                Note("enrolled-not-paid", $"{Household(h).Programme.Chinese()} household paid up to {Period.Previous} but not for {Period}", true, WhoHousehold(h));
            }
        }
        var switchedHousehold = PickHousehold(ref random, Dibao, minMembers: 2);
        if (switchedHousehold >= 0)
        {
            var other = Population.Members[EnrolledMembers(switchedHousehold).Skip(1).First()].Person;
            _payeeInP[switchedHousehold] = other;
            Note("enrolled-not-paid", $"{Period} paid to another enrolled member than the head", false, $"{WhoHousehold(switchedHousehold)}，收款人 {Who(other)}");
        }

        // amount-mismatch: 50 yuan too much; near misses: exactly 1 yuan more (the tolerance), and P paid in two rows.
        var over = PickHousehold(ref random, Dibao);
        if (over >= 0)
        {
            _deltaInP[over] = 5000;
            Note("amount-mismatch", $"{Period} paid 50.00 yuan more than the members' 月保障金额", true, WhoHousehold(over));
        }
        var within = PickHousehold(ref random, Dibao);
        if (within >= 0)
        {
            _deltaInP[within] = 100;
            Note("amount-mismatch", $"{Period} paid 1.00 yuan more (within the tolerance)", false, WhoHousehold(within));
        }
        var split = PickHousehold(ref random, Dibao);
        if (split >= 0 && MonthlyCents(split) > 10_000)
        {
            _splitInP.Add(split);
            Note("amount-mismatch", $"{Period} paid in two rows (the month less 100 yuan, then 100 yuan of arrears) to one account", false, WhoHousehold(split));
            Note("shared-account", "two payments of one household to one account", false, WhoHousehold(split));
        }

        // shared-account: household B paid in P on household A's account.
        var a = PickHousehold(ref random, Dibao);
        var b = PickHousehold(ref random, DibaoOrTekun);
        if (a >= 0 && b >= 0)
        {
            _accountInP[b] = a;
            var account = Account(a);
            Note("shared-account", $"account {account[..4]}{new string('*', account.Length - 8)}{account[^4..]} received {Period}'s payments of two households", true, $"{WhoHousehold(a)}；{WhoHousehold(b)}");
        }

        // paid-not-enrolled: a person on no list paid 农村低保; a rural-dibao member paid as 城市低保.
        var stranger = GeneralPerson(ref random);
        ExtraPayments.Add(new ExtraPayment(stranger, "农村低保", 36_000, PersonalAccount(stranger), -1));
        Note("paid-not-enrolled", "农村低保 paid to a person on no roster", true, Who(stranger));
        var rural = PickHousehold(ref random, [Programme.RuralDibao], minMembers: 2);
        if (rural >= 0)
        {
            var member = Population.Members[EnrolledMembers(rural).Skip(1).First()].Person;
            ExtraPayments.Add(new ExtraPayment(member, "城市低保", 42_000, PersonalAccount(member), rural));
            Note("paid-not-enrolled", "城市低保 paid to a member enrolled in 农村低保 (the programmes are told apart)", true, Who(member));
        }
        var farmer = GeneralPerson(ref random);
        ExtraPayments.Add(new ExtraPayment(farmer, "耕地地力保护补贴", 21_350, PersonalAccount(farmer), -1));
        Note("paid-not-enrolled", "耕地地力保护补贴 (not an assistance item: skipped on import)", false, Who(farmer));
    }

    /// <summary>
    /// paid-after-death: two enrolled recipients who died before P are paid on to P; near miss: one paid up to the month
    /// of death, then the household's payment goes to another member.
    /// </summary>
    private void PlanPaidAfterDeath()
    {
        var flagged = 0;
        var nearMiss = false;
        var rows = EnrolledRows(Population.Decedents.Select(d => d.Person));
        foreach (var decedent in Population.Decedents)
        {
            var died = Day(decedent.DeathDay);
            if (died > End || ReportingMonth.Of(died) >= Period || (flagged == 2 && nearMiss))
            {
                continue;
            }
            if (!rows.TryGetValue(decedent.Person, out var row))
            {
                continue;
            }
            var (h, member) = row;
            if ( _usedHouseholds.Contains(h) || !DibaoOrTekun.Contains(Household(h).Programme) || ReportingMonth.Of(Day(Household(h).EnrolledDay)) > FirstPaidMonth)
            {
                continue;
            }
            var deathMonth = ReportingMonth.Of(died);
            var others = EnrolledMembers(h).Where(m => m != member && Population.Members[m].Flaw == IdFlaw.None
                && Population.DeathDayOf(Population.Members[m].Person) > End.DayNumber).ToList();
            if (flagged < 2)
            {
                _payeeOverride[h] = (decedent.Person, Period.Ordinal);
                _usedHouseholds.Add(h);
                flagged++;
                var months = Period.Ordinal - deathMonth.Ordinal;
                Note("paid-after-death", $"died {died:yyyy-MM-dd}, paid {months} months after ({MonthlyCents(h) * months / 100m:0.00} yuan)", true, Who(decedent.Person));
            }
            else if (!nearMiss && others.Count > 0)
            {
                _payeeOverride[h] = (decedent.Person, deathMonth.Ordinal);
                _usedHouseholds.Add(h);
                nearMiss = true;
                Note("paid-after-death", $"died {died:yyyy-MM-dd}, paid for the month of death only; later months to another member", false, Who(decedent.Person));
            }
        }
        // Other enrolled recipients who died with nobody left to take the payment are paid on too: the rule finds them.
        for (var h = 0; h < Population.HomeHouseholdCount; h++)
        {
            if (_payeeOverride.ContainsKey(h))
            {
                continue;
            }
            var payee = DefaultPayee(h);
            ref readonly var household = ref Household(h);
            if (payee < 0 && !household.IsNeighbour && household.Status != EnrolmentStatus.Stopped && DibaoOrTekun.Contains(household.Programme))
            {
                _usedHouseholds.Add(h);
                Note("enrolled-not-paid", "no enrolled member has a valid ID in the roster: the bank pays nobody (also invalid-roster-id)", true, WhoHousehold(h));
            }
            if (payee >= 0 && Population.DeathDayOf(payee) <= End.DayNumber && ReportingMonth.Of(Day(Population.DeathDayOf(payee))) < Period)
            {
                _usedHouseholds.Add(h);
                Note("paid-after-death", "the household's only enrolled member with a valid ID died and is paid on (also deceased-recipient)", true, Who(payee));
            }
        }
    }

    /// <summary>Where each of <paramref name="people"/> is enrolled at home with a valid ID: household and member row.</summary>
    private Dictionary<int, (int Household, int Member)> EnrolledRows(IEnumerable<int> people)
    {
        var wanted = people.ToHashSet();
        var rows = new Dictionary<int, (int, int)>();
        for (var h = 0; h < Population.HomeHouseholdCount; h++)
        {
            ref readonly var household = ref Household(h);
            if (household.Status == EnrolmentStatus.Stopped)
            {
                continue;
            }
            for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
            {
                ref readonly var row = ref Population.Members[m];
                if (wanted.Contains(row.Person) && row.Status != EnrolmentStatus.Stopped && row.Flaw == IdFlaw.None)
                {
                    rows.TryAdd(row.Person, (h, m));
                }
            }
        }
        return rows;
    }
}
