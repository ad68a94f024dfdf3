namespace ReliefMatch.Core.Sampling;

/// <summary>One township's draw: its seed, how many new approvals there were, and those drawn in draw order.</summary>
/// <param name="CandidatesSha256">SHA-256 (hex) of the candidates' household ids in the order drawn from: a later roster with other candidates gives another value.</param>
public sealed record TownshipSample(string Township, int Seed, int Candidates, string CandidatesSha256, IReadOnlyList<DibaoApproval> Selected);
