namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// Which audit log lines to list: by user (the exact name), by action (<see cref="AuditActions"/>), in a span of time
/// (<see cref="From"/> inclusive, <see cref="Until"/> exclusive), older than line <see cref="Before"/> (the next page);
/// at most <see cref="Limit"/>. Empty fields do not filter.
/// </summary>
public sealed record AuditQuery
{
    public string? UserName { get; init; }
    public string? Action { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? Until { get; init; }
    public long? Before { get; init; }
    public int Limit { get; init; } = 200;
}
