namespace ReliefMatch.Storage;

/// <summary>
/// The connection to PostgreSQL broke in the middle of the work (the server stopped or restarted), reported as
/// the I/O failure it is: passing trouble, worth a retry, and never a verdict on the data being written.
/// </summary>
public sealed class DatabaseConnectionLostException : IOException
{
    public DatabaseConnectionLostException(Exception inner)
        : base("数据库连接中断 (the connection to the database was lost): " + inner.Message, inner)
    {
    }
}
