using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Accuracy;

/// <summary>A month's control list, township by township (ordinal order).</summary>
/// <param name="PerTownship">How many were to be drawn per township (<see cref="ControlListParameters.PerTownship"/>).</param>
/// <param name="Algorithm">How the draw was made, stored with it.</param>
public sealed record ControlList(ReportingMonth Period, int PerTownship, string Algorithm, IReadOnlyList<TownshipControls> Townships);
