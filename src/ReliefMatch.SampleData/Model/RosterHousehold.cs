using ReliefMatch.Core.Extracts;

namespace ReliefMatch.SampleData.Model;

/// <summary>One household of a roster: its members are <c>Members[FirstMember .. FirstMember + MemberCount)</c>.</summary>
internal struct RosterHousehold
{
    public int FirstMember;
    public int MemberCount;
    public bool IsNeighbour;
    public ushort Village;

    /// <summary>Running number within the village: 家庭编号 = village code + 5 digits.</summary>
    public int Serial;

    public Programme Programme;

    /// <summary>The household's status; members may differ (a member who died or moved out is stopped alone).</summary>
    public EnrolmentStatus Status;

    /// <summary>供养方式 for tekun; 0 otherwise.</summary>
    public SupportMode Support;

    public int EnrolledDay;
    public bool IncomeStable;
}
