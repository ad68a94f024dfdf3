using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Sanity;

/// <summary>
/// One thing a month's extracts of a source do that the previous month's did not: the file (or files) concerned, the
/// figure now and the previous figure, and the sentence an officer reads, in Chinese. Never blocks anything.
/// </summary>
public sealed record SanityWarning(SanityCheck Check, string Source, ReportingMonth Period, string File, string Figure, string Previous, string Message);
