using System.Data;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sources;
using ReliefMatch.Storage.Loading;
using ReliefMatch.Readers;

namespace ReliefMatch.Storage.Imports;

/// <summary>
/// Imports departmental extracts into the database (docs/sources.md): one extract per file, each file in one
/// transaction (its manifest row, its accepted records by binary COPY and its rejected rows), so that an
/// error or a killed process leaves nothing of a half-read file. The same bytes of a source are one extract:
/// a second drop changes nothing, except that a snapshot source dropped again for another period joins
/// that period's snapshot. A file refused as a whole stores nothing.
/// </summary>
/// <remarks>
/// Reading (parsing CSV or XLSX) and writing (COPY) run on two threads joined by a small bounded queue, so
/// memory does not grow with the file and the two cores are both used.
/// </remarks>
public sealed class ExtractImporter
{
    private const int BatchSize = 1024;
    private const int QueuedBatches = 16;
    private const long ProgressEvery = 50_000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ExtractOpener _opener;
    private readonly ILogger _logger;
    private readonly SourceCatalog _catalog;

    /// <param name="opener">How files are opened; the departmental readers for <paramref name="readerOptions"/> unless given.</param>
    /// <param name="readerOptions">The installation's home county for the readers; required unless <paramref name="opener"/> is given.</param>
    /// <param name="catalog">The installation's declared sources; the shipped declarations unless given.</param>
    public ExtractImporter(NpgsqlDataSource dataSource, TimeProvider time, ExtractOpener? opener = null, ILogger? logger = null, ExtractReaderOptions? readerOptions = null,
        SourceCatalog? catalog = null)
    {
        _catalog = catalog ?? SourceCatalog.Shipped;
        _dataSource = dataSource;
        _time = time;
        _opener = opener ?? ReaderExtractContent.OpenerFor(readerOptions
            ?? throw new ArgumentNullException(nameof(readerOptions), "The readers need the installation's home county (Installation.ReaderOptions)."));
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Where the records of each file imported are also kept, once its transaction committed, for the month to be
    /// evaluated from them (<see cref="ExtractSetLoader"/>); nothing is kept unless given.
    /// </summary>
    public ParsedRecords? Parsed { get; init; }

    /// <summary>
    /// The files of a drop folder, in import order: by source id, then by file name (both ordinal). Each sub-folder a
    /// declaration of <paramref name="catalog"/> (the shipped ones unless given) names is read.
    /// </summary>
    /// <remarks>Only <c>.csv</c> and <c>.xlsx</c> (any case); spreadsheet lock files (<c>~$…</c>) and hidden files are left alone.</remarks>
    public static IReadOnlyList<(SourceRef Source, string Path, string DisplayName)> FilesOf(string dropFolder, SourceCatalog? catalog = null)
    {
        var files = new List<(SourceRef, string, string)>();
        foreach (var source in (catalog ?? SourceCatalog.Shipped).Sources.Select(SourceRef.Of))
        {
            var folder = Path.Combine(dropFolder, source.Id);
            if (!Directory.Exists(folder))
            {
                continue;
            }
            foreach (var path in Directory.EnumerateFiles(folder).OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                var extension = Path.GetExtension(name);
                if (name.StartsWith("~$", StringComparison.Ordinal) || name.StartsWith('.'))
                {
                    continue;
                }
                if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) || extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
                {
                    files.Add((source, path, $"{source.Id}/{name}"));
                }
            }
        }
        return files;
    }

    /// <summary>
    /// The sub-folders of a drop folder that no source declaration names (hidden folders aside), ordered by name:
    /// their files are not imported, and the reports say so by name rather than pass them over without a word.
    /// </summary>
    /// <param name="catalog">The declared sources; the shipped declarations unless given.</param>
    public static IReadOnlyList<string> UndeclaredFolders(string dropFolder, SourceCatalog? catalog = null)
    {
        catalog ??= SourceCatalog.Shipped;
        if (!Directory.Exists(dropFolder))
        {
            return [];
        }
        return Directory.EnumerateDirectories(dropFolder).Select(Path.GetFileName).OfType<string>()
            .Where(name => !name.StartsWith('.') && !catalog.Declares(name))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Imports every extract of a drop folder (one sub-folder per source id), stamped with <paramref name="period"/>, or,
    /// when null, each with the month its name or title states (<see cref="StatedMonth"/>; a file that states none is
    /// reported <see cref="FileReport.MonthUnknown"/> and not imported).
    /// </summary>
    public async Task<IReadOnlyList<FileReport>> ImportFolderAsync(string dropFolder, ReportingMonth? period, IProgress<(string File, long Rows)>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(dropFolder))
        {
            throw new DirectoryNotFoundException($"The drop folder {dropFolder} does not exist.");
        }
        var files = FilesOf(dropFolder, _catalog);
        // Every file is hashed first, two at a time: a month's files run to gigabytes, and a folder imported before
        // (the usual second run) is then recognised at the speed of two cores rather than one.
        var hashes = new (string Sha256, long Size)[files.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken },
            async (i, token) => hashes[i] = await HashAsync(files[i].Path, token).ConfigureAwait(false)).ConfigureAwait(false);
        var reports = new List<FileReport>();
        for (var i = 0; i < files.Count; i++)
        {
            var (source, path, displayName) = files[i];
            reports.Add(await ImportFileAsync(path, source, period, displayName, hashes[i], progress, cancellationToken).ConfigureAwait(false));
        }
        return reports;
    }

    /// <summary>
    /// Imports one extract file of <paramref name="source"/>, stamped with <paramref name="period"/>; when null, with the
    /// month the file's name states, else the one its sheet name or title rows state. A file that states no month (or
    /// two) is not imported: its report says <see cref="FileReport.MonthUnknown"/>.
    /// </summary>
    /// <param name="displayName">The name in reports and the manifest; <c>source/file name</c> unless given.</param>
    /// <param name="source">One of the six, or a declared source of the importer's catalog (by <see cref="SourceRef.Of(string, SourceCatalog?)"/>).</param>
    public async Task<FileReport> ImportFileAsync(string path, SourceRef source, ReportingMonth? period, string? displayName = null,
        IProgress<(string File, long Rows)>? progress = null, CancellationToken cancellationToken = default) =>
        await ImportFileAsync(path, source, period, displayName ?? $"{source.Id}/{Path.GetFileName(path)}",
            await HashAsync(path, cancellationToken).ConfigureAwait(false), progress, cancellationToken).ConfigureAwait(false);

    private async Task<FileReport> ImportFileAsync(string path, SourceRef source, ReportingMonth? given, string displayName, (string Sha256, long Size) hash,
        IProgress<(string File, long Rows)>? progress, CancellationToken cancellationToken)
    {
        var (sha256, size) = hash;
        if (source.Declaration is null)
        {
            source = SourceRef.Of(source.Id, _catalog);
        }
        var declaration = source.Declaration ?? throw new ArgumentException($"No declaration of source '{source.Id}' is known to this installation.", nameof(source));
        // The name is what an officer sees and types: it decides before the title inside the file.
        var named = given ?? StatedMonth.Find(Path.GetFileName(path));

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Two processes importing the same bytes at once: the second waits, then finds the first one's extract.
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection) { CommandTimeout = 0 })
        {
            lockCmd.Parameters.Add(new() { Value = "extract:" + sha256 });
            await lockCmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var existing = await FindAsync(connection, source, sha256, displayName, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            // Stamped with no month (none given, the name silent): the same bytes keep the stamp they were imported with.
            if (declaration.Policy == SourcePolicy.Snapshot && named is { } again)
            {
                await LinkPeriodAsync(connection, existing.Value.Id, again, cancellationToken).ConfigureAwait(false);
            }
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("{File}: already imported as extract {Id}", displayName, existing.Value.Id);
            return existing.Value.Report with { Period = named ?? existing.Value.Report.Period };
        }

        IExtractContent content;
        try
        {
            content = _opener(path, source, displayName);
        }
        catch (ExtractRefusedException e)
        {
            await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return Refused(source, displayName, sha256, size, e);
        }
        catch (Exception e) when (e is not (OperationCanceledException or IOException))
        {
            throw new ExtractUnreadableException(displayName, e);
        }

        using (content)
        {
            if ((named ?? StatedMonth.FindFirst(content.Sheet, content.Title)) is not { } period)
            {
                await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("{File}: neither its name nor its title states a month; waits for an officer to confirm one", displayName);
                return new FileReport { Source = source, File = displayName, Sha256 = sha256, Size = size, MonthUnknown = true };
            }
            long extractId;
            await using (var insert = new NpgsqlCommand("""
                INSERT INTO reliefmatch.extracts (source, file, sha256, size, encoding, sheet, header_row, rows_read, accepted, rejected, skipped, imported_at, period, present_fields)
                VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, 0, 0, $8, $9, $10) RETURNING id
                """, connection))
            {
                insert.Parameters.Add(new() { Value = source.Id });
                insert.Parameters.Add(new() { Value = StoredCodes.Clean(displayName) });
                insert.Parameters.Add(new() { Value = sha256 });
                insert.Parameters.Add(new() { Value = size });
                insert.Parameters.Add(new() { Value = content.Encoding ?? "" });
                insert.Parameters.Add(new() { Value = (object?)content.Sheet ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                insert.Parameters.Add(new() { Value = content.HeaderRow });
                insert.Parameters.Add(new() { Value = _time.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
                insert.Parameters.Add(new() { Value = period.ToString() });
                insert.Parameters.Add(new() { Value = (object?)content.PresentFields?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                extractId = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            await using (var create = new NpgsqlCommand(RecordCopy.CreatePartition(source, extractId), connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            var kept = Parsed is { } parsed && parsed.Keeps(declaration) ? parsed.Begin(source, extractId) : null;
            var profile = ExtractProfile.For(source);
            try
            {
                await CopyRecordsAsync(connection, source, extractId, content, displayName, progress, kept, profile, cancellationToken).ConfigureAwait(false);
            }
            catch (ExtractRefusedException e)
            {
                await tx.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                return Refused(source, displayName, sha256, size, e);
            }

            await using (var rejects = await CopyRowWriter.BeginAsync(connection, RecordCopy.CopyRejects, cancellationToken).ConfigureAwait(false))
            {
                foreach (var reject in content.Rejects)
                {
                    RecordCopy.WriteReject(rejects, extractId, reject);
                }
                await rejects.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var update = new NpgsqlCommand("""
                UPDATE reliefmatch.extracts SET encoding = $2, sheet = $3, header_row = $4, rows_read = $5, accepted = $6, rejected = $7, skipped = $8
                WHERE id = $1
                """, connection))
            {
                update.Parameters.Add(new() { Value = extractId });
                update.Parameters.Add(new() { Value = content.Encoding ?? "" });
                update.Parameters.Add(new() { Value = (object?)content.Sheet ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                update.Parameters.Add(new() { Value = content.HeaderRow });
                update.Parameters.Add(new() { Value = content.RowsRead });
                update.Parameters.Add(new() { Value = content.Accepted });
                update.Parameters.Add(new() { Value = content.Rejected });
                update.Parameters.Add(new() { Value = content.Skipped });
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await profile.RecordAsync(connection, extractId, content.Headers, cancellationToken).ConfigureAwait(false);
            await LinkPeriodAsync(connection, extractId, period, cancellationToken).ConfigureAwait(false);
            // Last, because attaching holds a lock on the source's table until commit: concurrent imports of one
            // source wait for each other only here, and readers are never blocked.
            await using (var attach = new NpgsqlCommand(RecordCopy.AttachPartition(source, extractId), connection) { CommandTimeout = 0 })
            {
                await attach.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            kept?.Keep();

            _logger.LogInformation("{File}: imported as extract {Id}: {Accepted} accepted, {Rejected} rejected, {Skipped} skipped", displayName, extractId, content.Accepted, content.Rejected, content.Skipped);
            return new FileReport
            {
                Source = source,
                File = displayName,
                Sha256 = sha256,
                Size = size,
                Encoding = content.Encoding ?? "",
                Sheet = content.Sheet,
                HeaderRow = content.HeaderRow,
                RowsRead = content.RowsRead,
                Accepted = content.Accepted,
                Rejected = content.Rejected,
                Skipped = content.Skipped,
                // As stored (and as a later import of the same file reports them).
                Rejects = content.Rejects.Select(r => new RejectedRow(r.Row, StoredCodes.Clean(r.Column ?? ""), StoredCodes.Clean(r.Value ?? ""), StoredCodes.Clean(r.Reason ?? ""))).ToList(),
                Period = period,
            };
        }
    }

    /// <summary>
    /// Streams the records into COPY: a reader thread fills a bounded queue with batches, this side writes them, and
    /// counts each into the extract's <paramref name="profile"/> as it goes (no query of the partition afterwards).
    /// Any failure of either side cancels the COPY, which fails the transaction.
    /// </summary>
    private static async Task CopyRecordsAsync(NpgsqlConnection connection, SourceRef source, long extractId, IExtractContent content, string displayName,
        IProgress<(string File, long Rows)>? progress, ParsedRecords.Extract? kept, ExtractProfile profile, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<ExtractRecord[]>(QueuedBatches);
        Exception? readError = null;
        var reader = new Thread(() =>
        {
            try
            {
                var batch = new ExtractRecord[BatchSize];
                var n = 0;
                foreach (var record in content.Records())
                {
                    batch[n++] = record;
                    if (n == BatchSize)
                    {
                        queue.Add(batch, stop.Token);
                        batch = new ExtractRecord[BatchSize];
                        n = 0;
                    }
                }
                if (n > 0)
                {
                    queue.Add(batch[..n], stop.Token);
                }
            }
            catch (Exception e)
            {
                readError = e;
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "extract reader: " + displayName };

        var importer = await CopyRowWriter.BeginAsync(connection, RecordCopy.CopyIn(source, extractId), cancellationToken).ConfigureAwait(false);
        try
        {
            reader.Start();
            await Task.Run(() =>
            {
                long rows = 0;
                var nextProgress = ProgressEvery;
                foreach (var batch in queue.GetConsumingEnumerable(stop.Token))
                {
                    foreach (var record in batch)
                    {
                        RecordCopy.Write(importer, source, extractId, record);
                        profile.Add(record);
                        kept?.Add(record);
                    }
                    rows += batch.Length;
                    if (rows >= nextProgress)
                    {
                        progress?.Report((displayName, rows));
                        nextProgress += ProgressEvery;
                    }
                }
                progress?.Report((displayName, rows));
            }, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            reader.Join();
            // Disposing without Complete cancels the COPY; the transaction is then rolled back by the caller.
            try
            {
                await importer.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception) when (connection.FullState.HasFlag(ConnectionState.Broken))
            {
                // Nothing to cancel on a lost connection: the failure below says what happened.
            }
            // A lost connection can surface as the closed COPY stream rather than as an Npgsql error.
            if (e is not (NpgsqlException or OperationCanceledException) && connection.FullState.HasFlag(ConnectionState.Broken))
            {
                throw new DatabaseConnectionLostException(e);
            }
            throw;
        }
        reader.Join();
        if (readError is not null)
        {
            await importer.DisposeAsync().ConfigureAwait(false);
            if (readError is ExtractRefusedException or OperationCanceledException or IOException)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(readError).Throw();
            }
            throw new ExtractUnreadableException(displayName, readError);
        }
        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        await importer.DisposeAsync().ConfigureAwait(false);
    }

    private static FileReport Refused(SourceRef source, string displayName, string sha256, long size, ExtractRefusedException e)
    {
        var reason = e.Reason;
        // The readers usually name the headers in the reason already; say them once.
        if (e.FoundHeaders.Count > 0 && !reason.Contains("找到的表头", StringComparison.Ordinal))
        {
            reason += $"；找到的表头：{string.Join("、", e.FoundHeaders)}";
        }
        return new FileReport { Source = source, File = displayName, Sha256 = sha256, Size = size, RefusedReason = reason };
    }

    /// <summary>
    /// The extract already stored with these bytes, reported with the rows rejected when it was stored, as stored: the
    /// report of a file imported before says what the first import said, so a second run's imports.json is the first one's.
    /// </summary>
    private static async Task<(long Id, FileReport Report)?> FindAsync(NpgsqlConnection connection, SourceRef source, string sha256, string displayName, CancellationToken cancellationToken)
    {
        if (await FindStoredAsync(connection, source, sha256, displayName, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }
        var (id, report) = found;
        await using var cmd = new NpgsqlCommand(StoredRejects.Sql, connection);
        return (id, report with { Rejects = await StoredRejects.ReadAsync(cmd, id, null, cancellationToken).ConfigureAwait(false) });
    }

    private static async Task<(long Id, FileReport Report)?> FindStoredAsync(NpgsqlConnection connection, SourceRef source, string sha256, string displayName, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT id, size, encoding, sheet, header_row, rows_read, accepted, rejected, skipped, period
            FROM reliefmatch.extracts WHERE source = $1 AND sha256 = $2
            """, connection);
        cmd.Parameters.Add(new() { Value = source.Id });
        cmd.Parameters.Add(new() { Value = sha256 });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return (r.GetInt64(0), new FileReport
        {
            Source = source,
            File = displayName,
            Sha256 = sha256,
            Size = r.GetInt64(1),
            Encoding = r.GetString(2),
            Sheet = r.IsDBNull(3) ? null : r.GetString(3),
            HeaderRow = r.GetInt32(4),
            RowsRead = r.GetInt32(5),
            Accepted = r.GetInt32(6),
            Rejected = r.GetInt32(7),
            Skipped = r.GetInt32(8),
            AlreadyImported = true,
            Period = ReportingMonth.Parse(r.GetString(9)),
        });
    }

    private static async Task LinkPeriodAsync(NpgsqlConnection connection, long extractId, ReportingMonth period, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("INSERT INTO reliefmatch.extract_periods (extract_id, period) VALUES ($1, $2) ON CONFLICT DO NOTHING", connection);
        cmd.Parameters.Add(new() { Value = extractId });
        cmd.Parameters.Add(new() { Value = period.ToString() });
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SHA-256 (lower-case hex) and size of the file's bytes.</summary>
    public static async Task<(string Sha256, long Size)> HashAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return (Convert.ToHexStringLower(hash), stream.Length);
    }
}
