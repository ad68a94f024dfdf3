namespace ReliefMatch.SampleData.Model;

internal struct MonitoredMember
{
    public int Person;
    public Relation Relation;
}
