using System.Runtime.CompilerServices;
using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData.People;

namespace ReliefMatch.SampleData.Model;

internal sealed partial class SamplePopulation
{
    /// <summary>
    /// Who dies between the start of the coverage and the export date. Recipients die at a few percent a year
    /// (they are old and ill); most deaths more than a month before P have been processed (the row is stopped),
    /// the others are still enrolled. The rest of the county dies at about 0.65 % a year. Police and health
    /// extracts each miss some deaths; certificates sometimes lack the ID, carry a relative's, or mistype it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildDeaths(ref SampleRandom random)
    {
        var decedents = new List<Decedent>(Options.Households / 4 + 32);
        var rosterDecedentMembers = new List<int>();
        var first = CoverageStart.DayNumber;
        var span = ExportDate.DayNumber - first + 1;
        var processedBefore = Period.First.AddMonths(-1).DayNumber;
        for (var h = 0; h < HomeHouseholdCount; h++)
        {
            ref var household = ref Households[h];
            for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
            {
                ref var member = ref Members[m];
                var person = member.Person;
                if ((Persons[person].Traits & (PersonTraits.Planted | PersonTraits.Dead)) != 0)
                {
                    continue;
                }
                var age = AgeProfile.AgeAt(ResidentIdText.BirthDay(Persons[person].Key), End);
                var perMille = age switch { < 40 => 5, < 60 => 12, < 70 => 25, < 80 => 45, _ => 90 };
                if (!random.PerMille(perMille))
                {
                    continue;
                }
                var day = first + random.Next(span);
                if (day < processedBefore && random.PerMille(650))
                {
                    member.Status = EnrolmentStatus.Stopped;
                    member.AmountCents = member.AmountCents < 0 ? -1 : 0;
                    if (household.MemberCount == 1)
                    {
                        household.Status = EnrolmentStatus.Stopped;
                    }
                }
                var decedent = NewDecedent(ref random, person, day, rosterPerson: true);
                if (decedent.HealthId == HealthIdForm.RelativesId)
                {
                    decedent.RelativePerson = RelativeIn(household, m);
                    if (decedent.RelativePerson < 0)
                    {
                        decedent.HealthId = HealthIdForm.Correct;
                    }
                }
                decedents.Add(decedent);
                rosterDecedentMembers.Add(m);
            }
        }
        EnsureDeathCases(ref random, decedents, rosterDecedentMembers);
        for (var i = 0; i < decedents.Count; i++)
        {
            var d = decedents[i];
            if (d.HealthId == HealthIdForm.RelativesId)
            {
                Count("id-name-mismatch: a death certificate with a relative's ID");
            }
            if (d.DeathDay > End.DayNumber)
            {
                Count("deceased recipient: died after end(P) (no flag)");
            }
            else if (!Members[rosterDecedentMembers[i]].Status.IsEnrolled())
            {
                Count("deceased recipient: already stopped (no flag)");
            }
            else if (MatchableBy(d) <= End.DayNumber)
            {
                Count("deceased-recipient: enrolled, died by end(P)");
            }
            else
            {
                Count("deceased recipient: evidence dated after end(P) or not matchable (no flag)");
            }
        }
        var rosterDeaths = decedents.Count;

        // People of the neighbour county who died in a home-county hospital: a certificate here, no flag.
        for (var i = 0; i < Scaled(1, 2000); i++)
        {
            if (!TryPickMember(ref random, (in RosterHousehold hh, in RosterMember mm) =>
                    hh.IsNeighbour && !IsTaken(mm) && (Persons[mm.Person].Traits & PersonTraits.Dead) == 0, out var m))
            {
                break;
            }
            var person = Members[m].Person;
            Persons[person].Traits |= PersonTraits.Planted | PersonTraits.Dead;
            var day = Period.First.DayNumber + random.Next(20);
            decedents.Add(new Decedent { Person = person, DeathDay = day, CancelDay = day, Channels = DeathChannels.Health, RelativePerson = -1 });
            Count("death certificate of a neighbour-county recipient (no flag)");
        }

        // Everyone else: about 0.65 % a year of a county of 30 people per roster household.
        var general = Math.Max(10, (int)(Options.Households * 0.195 * span / 365.0) - rosterDeaths);
        for (var i = 0; i < general; i++)
        {
            var village = Places.Gazetteer.Villages[HomeVillageChoice.Pick(ref random)];
            var birth = AgeProfile.Deaths.BirthDay(ref random, End);
            var person = NewPerson(ref random, birth, random.PerMille(550), -1, village);
            var day = Math.Max(first + random.Next(span), birth + 1);
            decedents.Add(NewDecedent(ref random, person, day, rosterPerson: false));
        }

        foreach (var d in decedents)
        {
            Persons[d.Person].Traits |= PersonTraits.Dead;
            _deathDays[d.Person] = d.DeathDay;
        }
        Decedents = decedents.Select((d, i) => (d, i)).OrderBy(x => x.d.DeathDay).ThenBy(x => x.i).Select(x => x.d).ToArray();

        // Recipients whose registration moved away: a police cancellation that is not a death.
        var movers = new List<int>();
        for (var i = 0; i < Scaled(2, 400); i++)
        {
            if (TryPickMember(ref random, HomeEnrolled(16, 60), out var m))
            {
                movers.Add(Members[m].Person);
                Persons[Members[m].Person].Traits |= PersonTraits.Planted;
                Count("police cancellation of a recipient for moving away (no flag)");
            }
        }
        RosterMovers = movers.ToArray();
    }

    private static readonly WeightedChoice CancelLags = new(30, 40, 25, 5);

    private Decedent NewDecedent(ref SampleRandom random, int person, int day, bool rosterPerson)
    {
        var r = random.Next(1000);
        var channels = r < (rosterPerson ? 800 : 900) ? DeathChannels.Police
            : r < (rosterPerson ? 850 : 930) ? DeathChannels.PoliceLate
            : DeathChannels.None;
        if (random.PerMille(rosterPerson ? 850 : 880))
        {
            channels |= DeathChannels.Health;
        }
        if (channels == DeathChannels.None)
        {
            channels = DeathChannels.Police;
        }
        var form = HealthIdForm.Correct;
        if ((channels & DeathChannels.Health) != 0)
        {
            form = random.Next(1000) switch
            {
                < 60 => HealthIdForm.None,
                < 75 when rosterPerson => HealthIdForm.RelativesId,
                < 90 => HealthIdForm.MistypedDigit,
                < 105 => HealthIdForm.SwappedDigits,
                _ => HealthIdForm.Correct,
            };
        }
        var lag = CancelLags.Pick(ref random) switch
        {
            0 => random.Next(8),
            1 => random.Between(8, 30),
            2 => random.Between(31, 90),
            _ => random.Between(91, 200),
        };
        return new Decedent
        {
            Person = person,
            DeathDay = day,
            Channels = channels,
            HealthId = form,
            RelativePerson = -1,
            PoliceWithoutDeathDate = (channels & DeathChannels.Police) != 0 && random.PerMille(40),
            CancelDay = Math.Min(ExportDate.DayNumber, day + lag),
        };
    }

    /// <summary>
    /// The earliest date of the evidence a rule can tie to the person: a police row (its 注销日期 when the death
    /// date is empty), or a certificate whose ID is right, missing or mistyped (not a relative's). MaxValue if none.
    /// </summary>
    private static int MatchableBy(in Decedent d)
    {
        var day = int.MaxValue;
        if ((d.Channels & DeathChannels.Police) != 0)
        {
            day = d.PoliceWithoutDeathDate ? d.CancelDay : d.DeathDay;
        }
        else if ((d.Channels & DeathChannels.PoliceLate) != 0)
        {
            day = d.DeathDay;
        }
        if ((d.Channels & DeathChannels.Health) != 0 && d.HealthId != HealthIdForm.RelativesId)
        {
            day = Math.Min(day, d.DeathDay);
        }
        return day;
    }

    /// <summary>Another member of the household whose valid ID a relative might write on the certificate.</summary>
    private int RelativeIn(in RosterHousehold household, int self)
    {
        for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
        {
            if (m != self && Members[m].Flaw == IdFlaw.None && (Persons[Members[m].Person].Traits & PersonTraits.Unused) == 0)
            {
                return Members[m].Person;
            }
        }
        return -1;
    }

    /// <summary>
    /// A small county may draw none of some death case by chance; make sure each appears among the recipients:
    /// every certificate ID form, a police row without a death date, a death after end(P), enrolled deaths by end(P).
    /// </summary>
    private void EnsureDeathCases(ref SampleRandom random, List<Decedent> decedents, List<int> members)
    {
        var used = new bool[decedents.Count];
        bool Has(Func<Decedent, int, bool> test) => decedents.Where((d, i) => test(d, members[i])).Any();
        int Find(Func<Decedent, int, bool> test)
        {
            for (var i = 0; i < decedents.Count; i++)
            {
                if (!used[i] && decedents[i].HealthId == HealthIdForm.Correct && !decedents[i].PoliceWithoutDeathDate && test(decedents[i], members[i]))
                {
                    used[i] = true;
                    return i;
                }
            }
            return -1;
        }
        void Enrol(int i, int day)
        {
            var m = members[i];
            var household = HouseholdOfMember(m);
            Members[m].Status = Households[household].Status == EnrolmentStatus.Stopped ? EnrolmentStatus.Active : Households[household].Status;
            Households[household].Status = Households[household].Status == EnrolmentStatus.Stopped ? EnrolmentStatus.Active : Households[household].Status;
            if (Members[m].AmountCents == 0)
            {
                Members[m].AmountCents = 30_000;
            }
            var d = decedents[i];
            d.CancelDay = Math.Min(ExportDate.DayNumber, day + (d.CancelDay - d.DeathDay));
            d.DeathDay = day;
            decedents[i] = d;
        }

        for (var need = 2 - decedents.Where((d, i) => d.DeathDay <= End.DayNumber && Members[members[i]].Status.IsEnrolled()).Count(); need > 0; need--)
        {
            var i = Find((_, _) => true);
            if (i >= 0)
            {
                Enrol(i, Period.First.DayNumber - random.Next(60));
            }
        }
        if (!Has((d, m) => d.DeathDay > End.DayNumber))
        {
            var i = Find((_, _) => true);
            if (i >= 0)
            {
                Enrol(i, End.DayNumber + 1 + random.Next(9));
            }
        }
        foreach (var form in new[] { HealthIdForm.None, HealthIdForm.RelativesId, HealthIdForm.MistypedDigit, HealthIdForm.SwappedDigits })
        {
            if (Has((d, _) => d.HealthId == form))
            {
                continue;
            }
            var i = Find((d, m) => form != HealthIdForm.RelativesId || RelativeIn(Households[HouseholdOfMember(m)], m) >= 0);
            if (i < 0)
            {
                continue;
            }
            var d = decedents[i];
            d.Channels |= DeathChannels.Health;
            d.HealthId = form;
            d.RelativePerson = form == HealthIdForm.RelativesId ? RelativeIn(Households[HouseholdOfMember(members[i])], members[i]) : -1;
            decedents[i] = d;
        }
        if (!Has((d, _) => d.PoliceWithoutDeathDate))
        {
            var i = Find((_, _) => true);
            if (i >= 0)
            {
                var d = decedents[i];
                d.Channels |= DeathChannels.Police;
                d.PoliceWithoutDeathDate = true;
                decedents[i] = d;
            }
        }
    }
}
