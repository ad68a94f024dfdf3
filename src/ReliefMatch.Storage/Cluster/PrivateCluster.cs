using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ReliefMatch.Storage.Cluster;

/// <summary>
/// ReliefMatch's own PostgreSQL cluster under its state folder, so that nothing has to be configured: created
/// on first use with the installed server programs, listening only on 127.0.0.1 (a free port chosen at
/// creation and remembered; no unix socket), password (SCRAM) authentication with a generated password kept
/// in a file only the owner can read, started on demand and stopped when the last ReliefMatch process using
/// it is done.
/// </summary>
/// <remarks>
/// Layout under <c>&lt;home&gt;/postgres</c>: <c>data/</c> (the cluster), <c>log/server.log</c>,
/// <c>cluster.json</c> (port, user, database), <c>password</c> (mode 600), and two lock files; <c>creating/</c>
/// only while the cluster is being made.
/// Every process using the cluster holds a shared lock on <c>lease</c>; starting and stopping happen under an
/// exclusive lock on <c>cluster.lock</c>. A process that finds the server already running reuses it and does
/// not stop it while another process still holds a lease; the last one out stops a server that ReliefMatch
/// started (a server started by hand, without the <c>started-by-reliefmatch</c> mark, is never stopped), even when
/// the process that started it was killed: its lease went with it, and the mark stays.
/// As root, PostgreSQL refuses to run, so the server programs run as the <c>postgres</c> OS user and the
/// data and log folders belong to it.
/// </remarks>
public sealed class PrivateCluster : IAsyncDisposable
{
    public const string UserName = "reliefmatch";
    public const string DatabaseName = "reliefmatch";

    private static readonly TimeSpan ServerTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(3);

    private readonly ILogger _logger;
    private FileStream? _lease;
    private bool _disposed;

    private PrivateCluster(string folder, PostgresBinaries binaries, int port, string password, bool startedHere, FileStream lease, ILogger logger)
    {
        Folder = folder;
        Binaries = binaries;
        Port = port;
        Password = password;
        StartedHere = startedHere;
        _lease = lease;
        _logger = logger;
    }

    /// <summary><c>&lt;home&gt;/postgres</c>.</summary>
    public string Folder { get; }

    public string DataDirectory => Path.Combine(Folder, "data");

    public PostgresBinaries Binaries { get; }

    public int Port { get; }

    internal string Password { get; }

    /// <summary>The owner and application roles, and their connection strings (<see cref="ConnectionString"/> is the superuser's).</summary>
    public ClusterRoles Roles { get; private set; } = null!;

    /// <summary>True when this instance started the server (false when it found it running).</summary>
    public bool StartedHere { get; }

    /// <summary>A connection string for the cluster's own <c>reliefmatch</c> database (or another one on the same server).</summary>
    public string ConnectionString(string database = DatabaseName) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = UserName,
        Password = Password,
        Database = database,
        // Batch work: long COPYs and waits for advisory locks are expected.
        CommandTimeout = 0,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>
    /// Creates the cluster if the folder has none, starts it unless it is running, makes sure the
    /// <c>reliefmatch</c> database exists, and takes a lease on it until disposed.
    /// </summary>
    /// <param name="home">The state folder (e.g. <c>./.reliefmatch</c>); the cluster lives in its <c>postgres</c> sub-folder.</param>
    public static async Task<PrivateCluster> StartAsync(string home, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        var folder = Path.Combine(Path.GetFullPath(home), "postgres");
        var binaries = PostgresBinaries.Require();
        if (ProcessRunner.RunningAsRoot && !ProcessRunner.ServerUserExists())
        {
            throw new DatabaseUnavailableException(
                $"Running as root, the private PostgreSQL must run as the '{ProcessRunner.ServerUser}' OS user, which does not exist. " +
                "Fix: install PostgreSQL from the distribution (apt-get install postgresql creates the user), run ReliefMatch as an ordinary user, or set RELIEFMATCH_DB.");
        }
        Directory.CreateDirectory(folder);

        State state;
        bool startedHere;
        FileStream lease;
        await using (var clusterLock = await AcquireAsync(Path.Combine(folder, "cluster.lock"), exclusive: true, LockTimeout, cancellationToken).ConfigureAwait(false))
        {
            state = await LoadOrCreateAsync(folder, binaries, logger, cancellationToken).ConfigureAwait(false);
            startedHere = false;
            if (!await IsRunningAsync(binaries, folder, cancellationToken).ConfigureAwait(false))
            {
                state = await EnsurePortFreeAsync(folder, state, logger, cancellationToken).ConfigureAwait(false);
                // The mark goes down before the start: a process killed while the server starts leaves a server that
                // is marked, so the next ReliefMatch process to be last out stops it.
                await File.WriteAllTextAsync(MarkerPath(folder), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
                try
                {
                    await StartServerAsync(binaries, folder, logger, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    if (!await IsRunningAsync(binaries, folder, CancellationToken.None).ConfigureAwait(false))
                    {
                        File.Delete(MarkerPath(folder));
                    }
                    throw;
                }
                startedHere = true;
            }
            else
            {
                logger.LogInformation("Reusing the private PostgreSQL already running on 127.0.0.1:{Port} ({Folder})", state.Port, folder);
            }
            // Taken before the start lock is let go, so that no one stops the server in between.
            lease = await AcquireAsync(Path.Combine(folder, "lease"), exclusive: false, LockTimeout, cancellationToken).ConfigureAwait(false);
        }

        var cluster = new PrivateCluster(folder, binaries, state.Port, state.Password, startedHere, lease, logger);
        try
        {
            await cluster.EnsureDatabaseAsync(cancellationToken).ConfigureAwait(false);
            cluster.Roles = await ClusterRoles.EnsureAsync(cluster, logger, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return cluster;
    }

    /// <summary>
    /// For a long-running process (<c>serve</c>) that keeps its lease: when the server has gone (killed, stopped by
    /// hand, crashed), starts it again by the same path as <see cref="StartAsync"/>: same folder, port and settings,
    /// marked as started by ReliefMatch (so the last process out stops it), the database and roles made sure of.
    /// Returns whether it had to start it; cheap while the server runs (its pid file read, nothing started).
    /// </summary>
    /// <exception cref="DatabaseUnavailableException">The server could not be started (e.g. its port was taken meanwhile).</exception>
    public async Task<bool> StartAgainIfStoppedAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (ServerProcessAlive())
        {
            return false;
        }
        await using (var clusterLock = await AcquireAsync(Path.Combine(Folder, "cluster.lock"), exclusive: true, LockTimeout, cancellationToken).ConfigureAwait(false))
        {
            // Not listening yet still running: starting, or recovering after one of its processes crashed.
            if (await IsRunningAsync(Binaries, Folder, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
            if (!PortIsFree(Port))
            {
                // Connection strings in use name this port: moving it would need a restart of the process.
                throw new DatabaseUnavailableException(
                    $"The private PostgreSQL ({Folder}) stopped and cannot start again: port {Port} is now taken by another program. " +
                    "Fix: stop that program, or restart ReliefMatch (it then moves the server to a free port).");
            }
            _logger.LogWarning("The private PostgreSQL ({Folder}) is not running; starting it again on 127.0.0.1:{Port}", Folder, Port);
            await File.WriteAllTextAsync(MarkerPath(Folder), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            await StartServerAsync(Binaries, Folder, _logger, cancellationToken).ConfigureAwait(false);
        }
        await EnsureDatabaseAsync(cancellationToken).ConfigureAwait(false);
        Roles = await ClusterRoles.EnsureAsync(this, _logger, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Whether the process named in <c>postmaster.pid</c> is alive: read from the data folder, no program run and no
    /// connection made (a connection would cost the server a process each time it is asked).
    /// </summary>
    private bool ServerProcessAlive()
    {
        try
        {
            var first = File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).FirstOrDefault();
            if (!int.TryParse(first, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
            {
                return false;
            }
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            // No pid file (stopped), or no such process (killed).
            return false;
        }
    }

    /// <summary>Whether the server of the cluster in <paramref name="home"/> is running now.</summary>
    public static async Task<bool> IsRunningAsync(string home, CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Find();
        var folder = Path.Combine(Path.GetFullPath(home), "postgres");
        return binaries is not null && Directory.Exists(Path.Combine(folder, "data"))
            && await IsRunningAsync(binaries, folder, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops the server of the cluster in <paramref name="home"/> if it is running, whoever uses it: for an
    /// operator's explicit stop, and for cleaning up after a process that died. Returns whether it was running.
    /// </summary>
    public static async Task<bool> StopAsync(string home, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(Path.GetFullPath(home), "postgres");
        var binaries = PostgresBinaries.Find();
        if (binaries is null || !Directory.Exists(Path.Combine(folder, "data")) || !await IsRunningAsync(binaries, folder, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        await using var clusterLock = await AcquireAsync(Path.Combine(folder, "cluster.lock"), exclusive: true, LockTimeout, cancellationToken).ConfigureAwait(false);
        var result = await ProcessRunner.RunAsync(binaries.PgCtl, ["stop", "-D", Path.Combine(folder, "data"), "-m", "fast", "-w", "-t", "120", "-s"], asServerUser: true, ServerTimeout, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && await IsRunningAsync(binaries, folder, cancellationToken).ConfigureAwait(false))
        {
            throw new DatabaseUnavailableException($"Could not stop the private PostgreSQL in {folder}: {result.Output}");
        }
        File.Delete(MarkerPath(folder));
        return true;
    }

    /// <summary>
    /// Gives up this process's lease; if no other process holds one and ReliefMatch started the server, stops it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await using var clusterLock = await AcquireAsync(Path.Combine(Folder, "cluster.lock"), exclusive: true, LockTimeout, CancellationToken.None).ConfigureAwait(false);
        if (_lease is not null)
        {
            await _lease.DisposeAsync().ConfigureAwait(false);
            _lease = null;
        }
        var lastOut = TryAcquire(Path.Combine(Folder, "lease"), exclusive: true);
        if (lastOut is null)
        {
            _logger.LogInformation("The private PostgreSQL stays running: another ReliefMatch process is using it");
            return;
        }
        await using (lastOut.ConfigureAwait(false))
        {
            if (!File.Exists(MarkerPath(Folder)))
            {
                return;
            }
            var result = await ProcessRunner.RunAsync(Binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "120", "-s"], asServerUser: true, ServerTimeout, CancellationToken.None).ConfigureAwait(false);
            if (result.Succeeded || !await IsRunningAsync(Binaries, Folder, CancellationToken.None).ConfigureAwait(false))
            {
                File.Delete(MarkerPath(Folder));
                // Idle pooled connections of this process point at the stopped server: a later start must not get them.
                using (var pooled = new NpgsqlConnection(ConnectionString()))
                {
                    NpgsqlConnection.ClearPool(pooled);
                }
                _logger.LogInformation("Stopped the private PostgreSQL ({Folder})", Folder);
            }
            else
            {
                _logger.LogWarning("Could not stop the private PostgreSQL ({Folder}): {Output}", Folder, result.Output);
            }
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false }.ConnectionString);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CannotConnectNow && waited.Elapsed < ServerTimeout)
            {
                // Found running while still starting or recovering (started by a process that was then killed).
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = DatabaseName } } };
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
            try
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Created meanwhile by another process: fine.
            }
        }
    }

    private static string MarkerPath(string folder) => Path.Combine(folder, "started-by-reliefmatch");

    private sealed record State(int Port, string Password);

    private sealed record StateFile(int Port, string User, string Database);

    /// <summary>
    /// The cluster's port and password, after creating it if the folder has none. Creation is atomic: the cluster is
    /// made and configured in <c>creating/</c> beside <c>data/</c>, its password and state files written, and only
    /// then renamed into place, so a process killed during creation leaves no <c>data/</c> (the next one starts
    /// again). initdb's password file lives in <c>creating/</c> (mode 600) and is deleted once initdb has read it;
    /// nothing secret ever goes to the log folder.
    /// </summary>
    private static async Task<State> LoadOrCreateAsync(string folder, PostgresBinaries binaries, ILogger logger, CancellationToken cancellationToken)
    {
        var statePath = Path.Combine(folder, "cluster.json");
        var passwordPath = Path.Combine(folder, "password");
        var data = Path.Combine(folder, "data");
        // Left by earlier versions, which gave initdb its password file in the log folder.
        var oldPwfile = Path.Combine(folder, "log", "initdb.pw");
        if (File.Exists(oldPwfile))
        {
            File.Delete(oldPwfile);
        }
        if (File.Exists(statePath) && File.Exists(passwordPath) && File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            var stored = JsonSerializer.Deserialize<StateFile>(await File.ReadAllTextAsync(statePath, cancellationToken).ConfigureAwait(false))
                ?? throw new DatabaseUnavailableException($"{statePath} is empty or damaged.");
            return new State(stored.Port, (await File.ReadAllTextAsync(passwordPath, cancellationToken).ConfigureAwait(false)).Trim());
        }
        if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
        {
            // postmaster.opts is written by a server's first start: a cluster without it never ran, so holds nothing
            // (an earlier version, killed while creating it in place, left such a one behind without its password).
            if (File.Exists(Path.Combine(data, "PG_VERSION")) && File.Exists(Path.Combine(data, "postmaster.opts")))
            {
                throw new DatabaseUnavailableException(
                    $"{data} holds a PostgreSQL cluster but {statePath} or {passwordPath} is missing, so ReliefMatch cannot connect to it. " +
                    "Fix: restore those files, or move the folder away to start afresh (its data would then not be used).");
            }
            logger.LogWarning("{Data} holds a cluster whose creation was interrupted; it is made again", data);
            Directory.Delete(data, recursive: true);
        }

        logger.LogInformation("Creating the private PostgreSQL cluster in {Folder} with {Bin}", folder, binaries.BinDirectory);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var port = FreeLoopbackPort();
        var log = Path.Combine(folder, "log");
        var creating = Path.Combine(folder, "creating");
        if (Directory.Exists(creating))
        {
            // A creation interrupted by a kill: its initdb may still be writing there, orphaned.
            await WaitForProgramsUsingAsync(creating, cancellationToken).ConfigureAwait(false);
            Directory.Delete(creating, recursive: true);
        }
        Directory.CreateDirectory(log);
        Directory.CreateDirectory(creating);
        OwnerOnly(creating);
        OwnerOnly(log);
        var made = Path.Combine(creating, "data");
        var pwfile = Path.Combine(creating, "initdb.pw");
        WriteSecret(pwfile, password);
        try
        {
            await ProcessRunner.ChownToServerUserAsync(creating, cancellationToken).ConfigureAwait(false);
            await ProcessRunner.ChownToServerUserAsync(log, cancellationToken).ConfigureAwait(false);
            if (ProcessRunner.RunningAsRoot)
            {
                var reach = await ProcessRunner.RunAsync("test", ["-w", creating], asServerUser: true, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
                if (!reach.Succeeded)
                {
                    throw new DatabaseUnavailableException(
                        $"Running as root, the private PostgreSQL runs as the '{ProcessRunner.ServerUser}' OS user, which cannot reach {folder} " +
                        "(a folder above it is closed to other users). Fix: choose a state folder that user can reach (e.g. under /var/lib or /srv), " +
                        "run ReliefMatch as an ordinary user, or set RELIEFMATCH_DB.");
                }
            }
            var result = await ProcessRunner.RunAsync(binaries.InitDb,
                ["-D", made, "-U", UserName, "--pwfile", pwfile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-instructions"],
                asServerUser: true, ServerTimeout, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new DatabaseUnavailableException($"initdb could not create the private PostgreSQL cluster in {made}: {result.Output}");
            }
        }
        finally
        {
            File.Delete(pwfile);
        }

        // Only TCP on loopback with a password: no unix socket (no peer authentication), no other address.
        await File.WriteAllTextAsync(Path.Combine(made, "pg_hba.conf"),
            "# ReliefMatch private cluster: password (SCRAM) over loopback only.\n" +
            "host    all    " + UserName + "    127.0.0.1/32    scram-sha-256\n", cancellationToken).ConfigureAwait(false);
        await File.AppendAllTextAsync(Path.Combine(made, "postgresql.conf"), "\ninclude_if_exists = 'reliefmatch.conf'\n", cancellationToken).ConfigureAwait(false);
        await WriteSettingsAsync(made, port, cancellationToken).ConfigureAwait(false);
        await ProcessRunner.ChownToServerUserAsync(made, cancellationToken).ConfigureAwait(false);

        // The password and the state first, the cluster last: a data/ folder in place always has its password.
        WriteSecret(passwordPath, password);
        await File.WriteAllTextAsync(statePath, JsonSerializer.Serialize(new StateFile(port, UserName, DatabaseName)), cancellationToken).ConfigureAwait(false);
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);   // an empty folder
        }
        Directory.Move(made, data);
        Directory.Delete(creating, recursive: true);
        return new State(port, password);
    }

    /// <summary>The settings of a batch engine on a small machine; rewritten when the port has to change.</summary>
    private static Task WriteSettingsAsync(string data, int port, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(Path.Combine(data, "reliefmatch.conf"), Settings(port), cancellationToken);

    private static string Settings(int port) => $"""
            # Written by ReliefMatch; rewritten when the port changes.
            listen_addresses = '127.0.0.1'
            port = {port}
            unix_socket_directories = ''
            max_connections = 100
            password_encryption = 'scram-sha-256'
            timezone = 'Asia/Shanghai'
            # A batch engine: bulk COPY, large sorts; connections enough for the web host, its jobs, a CLI run
            # (a connection per source while loading) and a second server sharing a split run.
            shared_buffers = '256MB'
            work_mem = '64MB'
            maintenance_work_mem = '256MB'
            effective_cache_size = '2GB'
            max_wal_size = '4GB'
            min_wal_size = '256MB'
            checkpoint_timeout = '15min'
            wal_level = 'minimal'
            max_wal_senders = 0
            # fsync stays on; losing the last fraction of a second of commits on a power cut is acceptable,
            # an import is simply run again (same bytes are recognised).
            synchronous_commit = 'off'
            log_min_messages = 'warning'
            log_line_prefix = '%m [%p] '
            """ + "\n";

    /// <summary>
    /// Before each start: the settings file is written again when this version's settings differ from the file's (a
    /// cluster made by an earlier version gets today's, e.g. the number of connections), and the port moves when
    /// another program took it.
    /// </summary>
    private static async Task<State> EnsurePortFreeAsync(string folder, State state, ILogger logger, CancellationToken cancellationToken)
    {
        if (PortIsFree(state.Port))
        {
            var dataFolder = Path.Combine(folder, "data");
            var settings = Path.Combine(dataFolder, "reliefmatch.conf");
            var current = File.Exists(settings) ? await File.ReadAllTextAsync(settings, cancellationToken).ConfigureAwait(false) : null;
            if (current != Settings(state.Port))
            {
                logger.LogInformation("Updating the private PostgreSQL's settings ({File})", settings);
                await WriteSettingsAsync(dataFolder, state.Port, cancellationToken).ConfigureAwait(false);
                await ProcessRunner.ChownToServerUserAsync(settings, cancellationToken).ConfigureAwait(false);
            }
            return state;
        }
        var port = FreeLoopbackPort();
        logger.LogWarning("Port {Old} is taken by another program; the private PostgreSQL moves to port {New}", state.Port, port);
        var data = Path.Combine(folder, "data");
        await WriteSettingsAsync(data, port, cancellationToken).ConfigureAwait(false);
        await ProcessRunner.ChownToServerUserAsync(Path.Combine(data, "reliefmatch.conf"), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, "cluster.json"), JsonSerializer.Serialize(new StateFile(port, UserName, DatabaseName)), cancellationToken).ConfigureAwait(false);
        return state with { Port = port };
    }

    private static async Task StartServerAsync(PostgresBinaries binaries, string folder, ILogger logger, CancellationToken cancellationToken)
    {
        var data = Path.Combine(folder, "data");
        var log = Path.Combine(folder, "log", "server.log");
        logger.LogInformation("Starting the private PostgreSQL ({Folder})", folder);
        var result = await ProcessRunner.RunAsync(binaries.PgCtl, ["start", "-D", data, "-l", log, "-w", "-t", "120", "-s"], asServerUser: true, ServerTimeout, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var tail = "";
            try
            {
                tail = string.Join("\n", (await File.ReadAllLinesAsync(log, cancellationToken).ConfigureAwait(false)).TakeLast(15));
            }
            catch (IOException)
            {
                // No log to show.
            }
            catch (UnauthorizedAccessException)
            {
                // No log to show.
            }
            throw new DatabaseUnavailableException($"The private PostgreSQL in {data} did not start: {result.Output}\n{tail}".TrimEnd() +
                $"\nSee {log}. Fix the cause shown above, or set RELIEFMATCH_DB to use another PostgreSQL server.");
        }
    }

    private static async Task<bool> IsRunningAsync(PostgresBinaries binaries, string folder, CancellationToken cancellationToken)
    {
        var data = Path.Combine(folder, "data");
        if (!File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            return false;
        }
        var result = await ProcessRunner.RunAsync(binaries.PgCtl, ["status", "-D", data], asServerUser: true, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0;
    }

    /// <summary>
    /// Waits until no process has <paramref name="path"/> on its command line (Linux: <c>/proc/*/cmdline</c>;
    /// elsewhere it does not wait), at most <see cref="ServerTimeout"/>.
    /// </summary>
    private static async Task WaitForProgramsUsingAsync(string path, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (OperatingSystem.IsLinux() && waited.Elapsed < ServerTimeout && ProgramsUsing(path))
        {
            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool ProgramsUsing(string path)
    {
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(Path.GetFileName(process), out _) && File.ReadAllText(Path.Combine(process, "cmdline")).Contains(path, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Ended meanwhile, or not ours to see.
            }
        }
        return false;
    }

    /// <summary>Mode 700 for a folder, 600 for a file: the password and the cluster are the owner's alone.</summary>
    private static void OwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        File.SetUnixFileMode(path, Directory.Exists(path) ? mode | UnixFileMode.UserExecute : mode);
    }

    /// <summary>Writes a file that is created with mode 600, so the secret is never readable by others, not even briefly.</summary>
    internal static void WriteSecret(string path, string secret)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(secret + "\n");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>An advisory lock (flock) on a file: exclusive, or shared; waits up to <paramref name="timeout"/>.</summary>
    private static async Task<FileStream> AcquireAsync(string path, bool exclusive, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var stream = TryAcquire(path, exclusive);
            if (stream is not null)
            {
                return stream;
            }
            if (waited.Elapsed > timeout)
            {
                throw new DatabaseUnavailableException($"Timed out waiting for {path}: another ReliefMatch process is starting or stopping the private PostgreSQL.");
            }
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <remarks>.NET takes flock(LOCK_EX) for <see cref="FileShare.None"/> and flock(LOCK_SH) otherwise, without waiting.</remarks>
    private static FileStream? TryAcquire(string path, bool exclusive)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, exclusive ? FileShare.None : FileShare.ReadWrite);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
