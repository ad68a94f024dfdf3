using ReliefMatch.Core.Accuracy;

namespace ReliefMatch.Storage.Accuracy;

/// <summary>What a township recorded for one person of its control list: 核查结果, 处置情况, 核查人, 核查日期, and who entered it when.</summary>
public sealed record ControlAnswer(ControlResult Result, string Remarks, string? CheckedBy, DateOnly? CheckedOn, string RecordedBy, DateTimeOffset RecordedAt);
