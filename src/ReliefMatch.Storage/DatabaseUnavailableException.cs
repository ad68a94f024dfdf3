namespace ReliefMatch.Storage;

/// <summary>
/// No PostgreSQL could be used: the message says what was tried and how to fix it (install the server
/// programs, or point <c>RELIEFMATCH_DB</c> at a server). A configuration problem, not bad data.
/// </summary>
public sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException(string message) : base(message)
    {
    }

    public DatabaseUnavailableException(string message, Exception inner) : base(message, inner)
    {
    }
}
