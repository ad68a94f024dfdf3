namespace ReliefMatch.Storage.Workplace;

/// <summary>An audit log line as stored: its number and time, and the entry.</summary>
public sealed record AuditRecord(long Id, DateTimeOffset At, AuditEntry Entry);
