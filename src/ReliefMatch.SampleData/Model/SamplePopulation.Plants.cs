using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData.People;

namespace ReliefMatch.SampleData.Model;

internal sealed partial class SamplePopulation
{
    /// <summary>
    /// The roster cases the rules must find: one person enrolled in two places (home and the neighbour county),
    /// in two home households, in a dibao and a tekun household; rows with a wrong, missing or 15-digit ID; and
    /// households whose last check or visit is exactly on the 6-month boundary or a day over it.
    /// </summary>
    private void PlantRoster(ref SampleRandom random)
    {
        // Enrolled in the home county and, under the same ID, in a neighbour-county household.
        var crossCounty = Scaled(3, 250);
        for (var i = 0; i <= crossCounty; i++)
        {
            var decoy = i == crossCounty; // the last one is stopped over there: enrolled in one place only
            if (!TryPickMember(ref random, HomeEnrolled(18, 75), out var from))
            {
                break;
            }
            if (!TryPickMember(ref random, (in RosterHousehold h, in RosterMember m) =>
                    h.IsNeighbour && h.Status != EnrolmentStatus.Stopped && !IsTaken(m), out var slot))
            {
                break;
            }
            Replace(slot, Members[from].Person, Relation.Other);
            Members[slot].Status = decoy ? EnrolmentStatus.Stopped : EnrolmentStatus.Active;
            Count(decoy ? "duplicate-enrolment: stopped in the neighbour county (no flag)" : "duplicate-enrolment: home and neighbour county");
        }

        // The same person in two home households (an old parent listed by two sons).
        for (var i = 0; i < Scaled(3, 400); i++)
        {
            if (!TryPickMember(ref random, HomeEnrolledDibao(0, 100), out var from))
            {
                break;
            }
            var fromHousehold = HouseholdOfMember(from);
            if (!TryPickMember(ref random, (in RosterHousehold h, in RosterMember m) =>
                    !h.IsNeighbour && h.Programme.IsDibao() && h.Status != EnrolmentStatus.Stopped && h.MemberCount > 1
                    && m.Relation != Relation.Head && m.Status != EnrolmentStatus.Stopped && !IsTaken(m), out var slot)
                || HouseholdOfMember(slot) == fromHousehold)
            {
                continue;
            }
            var person = Members[from].Person;
            var headBirth = ResidentIdText.BirthDay(Persons[Members[Households[HouseholdOfMember(slot)].FirstMember].Person].Key);
            var birth = ResidentIdText.BirthDay(Persons[person].Key);
            var male = ResidentIdText.IsMale(Persons[person].Key);
            Replace(slot, person, headBirth - birth > 18 * 365 ? male ? Relation.Father : Relation.Mother : Relation.Other);
            Count("duplicate-enrolment: two home households");
        }

        // A dibao member who is also supported as tekun in a household of their own.
        for (var i = 0; i < Scaled(2, 500); i++)
        {
            if (!TryPickMember(ref random, HomeEnrolledDibao(60, 100), out var from))
            {
                break;
            }
            if (!TryPickMember(ref random, (in RosterHousehold h, in RosterMember m) =>
                    !h.IsNeighbour && h.Programme == Programme.Tekun && h.Status == EnrolmentStatus.Active && h.MemberCount == 1
                    && !IsTaken(m), out var slot))
            {
                break;
            }
            Replace(slot, Members[from].Person, Relation.Self);
            Count("dibao-tekun-overlap");
        }

        PlantIdFlaws(ref random, IdFlaw.WrongCheck, Scaled(3, 300), "invalid-roster-id: wrong check character");
        PlantIdFlaws(ref random, IdFlaw.Missing, Scaled(2, 600), "invalid-roster-id: missing");
        PlantIdFlaws(ref random, IdFlaw.Legacy15, Scaled(4, 100), "15-digit legacy ID (valid)");

        // Last check exactly 6 calendar months before end(P): not overdue; one day earlier: overdue.
        var boundary = CheckBoundary.DayNumber;
        PlantDates(ref random, boundary, check: true, "economic-check: on the 6-month boundary (no flag)");
        PlantDates(ref random, boundary - 1, check: true, "economic-check-overdue: one day past the boundary");
        PlantDates(ref random, boundary, check: false, "home-visit: on the 6-month boundary (no flag)");
        PlantDates(ref random, boundary - 1, check: false, "home-visit-overdue: one day past the boundary");
    }

    private delegate bool MemberFilter(in RosterHousehold household, in RosterMember member);

    private int[] _householdOfMember = [];

    private int HouseholdOfMember(int member)
    {
        if (_householdOfMember.Length != Members.Length)
        {
            _householdOfMember = new int[Members.Length];
            for (var h = 0; h < Households.Length; h++)
            {
                for (var m = Households[h].FirstMember; m < Households[h].FirstMember + Households[h].MemberCount; m++)
                {
                    _householdOfMember[m] = h;
                }
            }
        }
        return _householdOfMember[member];
    }

    private bool IsTaken(in RosterMember member) =>
        (Persons[member.Person].Traits & (PersonTraits.Planted | PersonTraits.Unused)) != 0;

    private MemberFilter HomeEnrolled(int minAge, int maxAge) => (in RosterHousehold h, in RosterMember m) =>
        !h.IsNeighbour && h.Status != EnrolmentStatus.Stopped && m.Status != EnrolmentStatus.Stopped && m.Flaw == IdFlaw.None
        && !IsTaken(m) && AgeIn(m.Person, minAge, maxAge);

    private MemberFilter HomeEnrolledDibao(int minAge, int maxAge)
    {
        var enrolled = HomeEnrolled(minAge, maxAge);
        return (in RosterHousehold h, in RosterMember m) => h.Programme.IsDibao() && enrolled(h, m);
    }

    private bool AgeIn(int person, int minAge, int maxAge)
    {
        var age = AgeProfile.AgeAt(ResidentIdText.BirthDay(Persons[person].Key), End);
        return age >= minAge && age <= maxAge;
    }

    /// <summary>A random member row passing the filter (random probes, then a scan from a random start).</summary>
    private bool TryPickMember(ref SampleRandom random, MemberFilter filter, out int member)
    {
        var households = Households.Length;
        for (var attempt = 0; attempt < 2000; attempt++)
        {
            var h = random.Next(households);
            ref readonly var household = ref Households[h];
            var m = household.FirstMember + random.Next(household.MemberCount);
            if (filter(household, Members[m]))
            {
                member = m;
                return true;
            }
        }
        var start = random.Next(households);
        for (var k = 0; k < households; k++)
        {
            ref readonly var household = ref Households[(start + k) % households];
            for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
            {
                if (filter(household, Members[m]))
                {
                    member = m;
                    return true;
                }
            }
        }
        member = -1;
        return false;
    }

    /// <summary>Puts <paramref name="person"/> in the row of another, who then appears nowhere.</summary>
    private void Replace(int slot, int person, Relation relation)
    {
        ref var row = ref Members[slot];
        Persons[row.Person].Traits |= PersonTraits.Unused;
        row.Person = person;
        row.Relation = row.Relation is Relation.Head or Relation.Self ? row.Relation : relation;
        row.Flaw = IdFlaw.None;
        Persons[person].Traits |= PersonTraits.Planted;
    }

    private void PlantIdFlaws(ref SampleRandom random, IdFlaw flaw, int count, string plantedCase)
    {
        for (var i = 0; i < count; i++)
        {
            var filter = HomeEnrolled(0, 100);
            if (!TryPickMember(ref random, (in RosterHousehold h, in RosterMember m) =>
                    filter(h, m) && (flaw != IdFlaw.Legacy15 || ResidentIdText.HasLegacyForm(Persons[m.Person].Key)), out var member))
            {
                return;
            }
            Members[member].Flaw = flaw;
            Persons[Members[member].Person].Traits |= PersonTraits.Planted;
            Count(plantedCase);
        }
    }

    private void PlantDates(ref SampleRandom random, int day, bool check, string plantedCase)
    {
        var enrolled = HomeEnrolled(0, 100);
        // The visit rule looks at dibao households with unstable income and a member able to work.
        if (!TryPickMember(ref random, (in RosterHousehold h, in RosterMember m) =>
                enrolled(h, m) && m.Relation == Relation.Head
                && (check ? h.Programme.IsDibao() || h.Programme == Programme.Tekun : h.Programme.IsDibao() && !h.IncomeStable && HasAbleMember(h)),
                out var member))
        {
            return;
        }
        ref readonly var household = ref Households[HouseholdOfMember(member)];
        for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
        {
            if (check)
            {
                Members[m].CheckDay = day;
            }
            else
            {
                Members[m].VisitDay = day;
            }
            Persons[Members[m].Person].Traits |= PersonTraits.Planted;
        }
        Count(plantedCase);
    }

    private bool HasAbleMember(in RosterHousehold household)
    {
        for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
        {
            if (Members[m].Ability == WorkAbility.Able)
            {
                return true;
            }
        }
        return false;
    }
}
