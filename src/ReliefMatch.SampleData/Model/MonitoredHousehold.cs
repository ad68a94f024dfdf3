namespace ReliefMatch.SampleData.Model;

/// <summary>A household under 防止返贫 monitoring; members are <c>MonitoredMembers[FirstMember ..]</c>.</summary>
internal struct MonitoredHousehold
{
    public int FirstMember;
    public int MemberCount;
    public ushort Village;

    /// <summary>Running number within the village: 户码 = village code + 4 digits.</summary>
    public int Serial;

    /// <summary>0 脱贫不稳定户, 1 边缘易致贫户, 2 突发严重困难户.</summary>
    public byte MonitorType;

    /// <summary>Bit i set = risk i of <see cref="SampleVocabulary.Risks"/>.</summary>
    public ushort Risks;

    public bool Cleared;
    public int IdentifiedDay;
    public int IncomePerCapitaCents;

    /// <summary>The roster household it is (edge households are monitored too), or −1.</summary>
    public int RosterHousehold;
}
