namespace ReliefMatch.Core.Accuracy;

/// <summary>One township's control list: its seed, how many unflagged enrolled people it had, and those drawn in draw order.</summary>
public sealed record TownshipControls(string Township, int Seed, int Candidates, IReadOnlyList<ControlPerson> Selected);
