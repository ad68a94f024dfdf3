using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Sampling;

/// <summary>The month's sample of new 低保 approvals, township by township (ordinal order).</summary>
public sealed record DibaoSample(ReportingMonth Period, decimal Fraction, string Algorithm, IReadOnlyList<TownshipSample> Townships);
