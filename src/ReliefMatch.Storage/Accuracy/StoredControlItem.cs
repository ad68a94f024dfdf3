namespace ReliefMatch.Storage.Accuracy;

/// <summary>One person of a stored control list, in draw order (<paramref name="Rank"/> from 1), with the township's answer once given.</summary>
/// <param name="Reference">抽查编号 (<see cref="Core.Accuracy.ControlPerson.ReferenceIn"/>).</param>
/// <param name="IdNumber">The full ID: whoever prints it masks it unless the county asked for full IDs.</param>
/// <param name="Programmes">救助类别 as printed (Chinese, joined with 、).</param>
public sealed record StoredControlItem(string Reference, string Period, int Rank, string Township, string Village, string HouseholdId, string Name,
    string IdNumber, string Programmes, ControlAnswer? Answer);
