namespace ReliefMatch.Storage.Imports;

/// <summary>
/// The reader of an extract failed on the file itself (a damaged workbook, bytes no reader gets through), as
/// opposed to the database or the disk failing while it was imported: only this one is a verdict on the file.
/// The inner exception is the reader's; its message may quote the file's cells, so it is not repeated here.
/// </summary>
public sealed class ExtractUnreadableException : Exception
{
    public ExtractUnreadableException(string file, Exception inner) : base($"{file}: could not be read ({inner.GetType().Name})", inner)
    {
        File = file;
    }

    /// <summary>The file as the import names it (<c>source/name</c>).</summary>
    public string File { get; }
}
