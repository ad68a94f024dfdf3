namespace ReliefMatch.Core.Checks;

/// <summary>
/// Something an income or asset source found about a household due for its economic re-check (a vehicle, a
/// company registration, a salary above the line): shown on the due list for the township to look at.
/// </summary>
/// <param name="Source">The source's name as users see it, e.g. <c>车辆登记</c>.</param>
/// <param name="Text">What was found, in plain words.</param>
public sealed record EconomicSignal(string Source, string Text);
