namespace ReliefMatch.Storage.Jobs;

/// <summary>What saving a month's sample did.</summary>
/// <param name="Drawn">Townships whose draw was stored now.</param>
/// <param name="AlreadyDrawn">Townships that had a draw already, which was kept.</param>
/// <param name="ChangedSinceDraw">Of those, the townships whose candidates now differ from the ones drawn from (a later roster).</param>
public sealed record SampleSaveResult(int Drawn, int AlreadyDrawn, IReadOnlyList<string> ChangedSinceDraw)
{
    /// <summary>Townships drawn again now: their draw was made before the month's own roster arrived, and had no result yet.</summary>
    public IReadOnlyList<string> Redrawn { get; init; } = [];
}
