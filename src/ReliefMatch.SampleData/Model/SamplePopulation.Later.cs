using ReliefMatch.SampleData.People;
using ReliefMatch.SampleData.Places;

namespace ReliefMatch.SampleData.Model;

internal sealed partial class SamplePopulation
{
    /// <summary>
    /// A person made after the county is built (a member of staff, a relative on the household register): IDs come
    /// from the county's own allocator, after everyone else's, so the people and files made before stay as they were.
    /// </summary>
    public int AddPerson(ref SampleRandom random, int village, int minAge, int maxAge, bool male, int surname = -1)
    {
        var birth = AgeProfile.BirthDayAt(ref random, End, minAge, maxAge);
        return NewPerson(ref random, birth, male, surname, Gazetteer.Villages[village]);
    }
}
