namespace ReliefMatch.Core.Checks;

/// <summary>
/// The seam where income and asset sources (住房公积金, 车辆, 工商登记, 不动产, 社保缴费 …) plug into the
/// semiannual economic re-check: each source looks at a due household and its members and says what it found.
/// No source is wired in yet; the due lists then carry no signals. A source is pure: whatever it reads is
/// loaded before the list is built and handed to it, so that the same inputs give the same list.
/// </summary>
public interface IEconomicEvidenceSource
{
    /// <summary>The source's name as users see it.</summary>
    string Name { get; }

    /// <summary>What this source found about <paramref name="household"/> as of <paramref name="asOf"/> (none when nothing).</summary>
    IEnumerable<EconomicSignal> Signals(HomeHousehold household, DateOnly asOf);
}
