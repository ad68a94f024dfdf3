namespace ReliefMatch.Host.Sample.Model;

internal struct MonitoredMember
{
    public int Person;
    public Relation Relation;
}
