using System.Collections.Concurrent;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Records;

namespace ReliefMatch.Storage.Loading;

/// <summary>
/// The records a run has just imported, kept in memory by extract id so that the month is evaluated from the
/// records parsed once rather than read back from PostgreSQL a moment after they were written (the
/// <see cref="ExtractSetLoader"/> takes them from here and reads by COPY only the extracts imported earlier).
/// PostgreSQL stays the system of record: an extract is kept here only once its file's transaction committed, and a
/// file refused or failed keeps nothing.
/// </summary>
/// <remarks>
/// Each record is kept in the form the loader would read back (a typed record through its table's layout,
/// <see cref="Records.RecordLayout{T, TDraft}.Kept"/>), texts pooled per file; a declared source's records as the typed
/// columns the load builds its table from. The
/// records the month uses are shared with the loaded set, not copied; the run calls <see cref="Clear"/> once the month
/// is loaded, so that what it left out (departmental records no person of the month holds, extracts the month does
/// not see) is garbage from then on.
/// </remarks>
public sealed class ParsedRecords(Func<SourceDeclaration, bool>? keeps = null)
{
    private readonly ConcurrentDictionary<long, object> _extracts = new();

    /// <summary>
    /// The sources a monthly run keeps: the snapshots, whose latest file the month loads whole, so that holding their
    /// records from the import on costs no memory the load would not take anyway. The records of histories and latest
    /// sources pile up over files and are mostly left out by the load (departmental records no person of the month
    /// holds): kept, every one of them, the 200 000-household county's process grew from 3.1 to 3.9 GiB and its import
    /// slowed under the collector's work, so they are read back by COPY instead.
    /// </summary>
    public static bool Snapshots(SourceDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        return declaration.Policy == SourcePolicy.Snapshot;
    }

    /// <summary>Whether the records of the source's files are kept (all sources unless the constructor says otherwise).</summary>
    public bool Keeps(SourceDeclaration declaration) => keeps?.Invoke(declaration) ?? true;

    /// <summary>How many extracts are held.</summary>
    public int Count => _extracts.Count;

    /// <summary>Whether the records of this extract are held.</summary>
    public bool Holds(long extractId) => _extracts.ContainsKey(extractId);

    /// <summary>Drops every record held.</summary>
    public void Clear() => _extracts.Clear();

    /// <summary>Starts keeping the records of one file being imported into extract <paramref name="extractId"/>; nothing is held until <see cref="Extract.Keep"/>.</summary>
    internal Extract Begin(SourceRef source, long extractId) => new(this, source, extractId);

    /// <summary>The records of an extract (in row order), or null when they are not held.</summary>
    internal IEnumerable<T>? Of<T>(long extractId) => _extracts.TryGetValue(extractId, out var records)
        ? records as IEnumerable<T> ?? ((System.Collections.IEnumerable)records).Cast<T>()
        : null;

    /// <summary>
    /// The records of an extract of a declared source without a record type of its own, as the typed columns of its
    /// source's table (<see cref="DeclaredRecordCopy.Keep"/>), or null when they are not held.
    /// </summary>
    internal DeclaredTable.Builder? Declared(long extractId) =>
        _extracts.TryGetValue(extractId, out var records) ? records as DeclaredTable.Builder : null;

    /// <summary>The records of one file as they are read, held once the file's import committed.</summary>
    internal sealed class Extract(ParsedRecords owner, SourceRef source, long extractId)
    {
        private readonly StringPool _pool = new();
        private readonly IRecordLayout? _layout = source.Kind is { } kind ? RecordLayouts.For(kind) : null;
        private readonly List<ExtractRecord>? _typed = source.Kind is null ? null : [];
        private readonly DeclaredTable.Builder? _declared = source.Kind is null ? new DeclaredTable.Builder(source.Declaration!) : null;

        public void Add(ExtractRecord record)
        {
            if (_layout is not null)
            {
                _typed!.Add(_layout.Kept(record, extractId, _pool));
            }
            else
            {
                DeclaredRecordCopy.Keep(_declared!, extractId, (DeclaredRecord)record, _pool);
            }
        }

        /// <summary>Called once the file's transaction committed.</summary>
        public void Keep()
        {
            owner._extracts[extractId] = (object?)_typed ?? _declared!;
        }
    }
}
