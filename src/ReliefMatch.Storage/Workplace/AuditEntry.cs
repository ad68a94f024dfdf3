namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// One line of the audit log: who (<see cref="UserName"/>, their role and township), did what
/// (<see cref="Action"/>, e.g. <c>download-worklist</c>) to what (<see cref="Subject"/>, e.g. <c>罗锦镇 2023-07 xlsx</c>),
/// how many rows it concerned, and whether full ID numbers were shown. <see cref="Role"/> is null for a
/// failed sign-in under a name that is no user's.
/// </summary>
public sealed record AuditEntry(string UserName, UserRole? Role, string? Township, string Action, string Subject)
{
    public int Rows { get; init; }
    public bool FullIds { get; init; }
    /// <summary>The browser's address as the server saw it, when known.</summary>
    public string? Address { get; init; }
}
