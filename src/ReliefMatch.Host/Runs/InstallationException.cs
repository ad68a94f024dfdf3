namespace ReliefMatch.Host.Runs;

/// <summary>
/// The installation's county is missing, malformed or contradicted (a <c>--county</c> or a drop folder naming
/// another county): broken configuration, which a command reports in one message and does not work around.
/// </summary>
public sealed class InstallationException(string message) : Exception(message);
