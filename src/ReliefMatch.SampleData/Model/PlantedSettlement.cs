namespace ReliefMatch.SampleData.Model;

/// <summary>A medical settlement fixed in advance, so a person's 12-month out-of-pocket total is exact.</summary>
internal readonly record struct PlantedSettlement(
    int Person, int Day, bool Inpatient, long TotalCents, long BasicCents, long CriticalCents, long AssistanceCents)
{
    public long OutOfPocketCents => TotalCents - BasicCents - CriticalCents - AssistanceCents;
}
