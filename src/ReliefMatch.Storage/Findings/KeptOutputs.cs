namespace ReliefMatch.Storage.Findings;

/// <summary>A run's outputs: the state they were written from (<see cref="RunOutputStore.StateAsync"/>) and each file's SHA-256 by its path relative to the output folder.</summary>
public sealed record KeptOutputs(string State, IReadOnlyDictionary<string, string> Files);
