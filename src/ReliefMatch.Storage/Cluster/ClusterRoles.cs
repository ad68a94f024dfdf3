using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ReliefMatch.Storage.Cluster;

/// <summary>
/// The database roles of the private cluster, made by its superuser and brought up to date on every start (so a
/// cluster made by an earlier version, where the program connected as the superuser that owned everything, is
/// upgraded): <see cref="OwnerRole"/> owns the schema and runs the migrations; <see cref="ApplicationRole"/> is what
/// the program connects as for everything else, neither superuser nor owner of <c>audit_log</c>, so that the
/// audit log's append-only triggers cannot be switched off (no <c>session_replication_role</c>, no
/// <c>ALTER TABLE … DISABLE TRIGGER</c>) and it holds only INSERT and SELECT on that table.
/// </summary>
/// <remarks>
/// The application role has BYPASSRLS: the batch saves findings, extracts and returned worklists by binary COPY,
/// which PostgreSQL refuses on a table whose row-level security applies to the current user; a township user's
/// web request instead reads under <see cref="DatabaseRoles.Township"/>, which row-level security does apply to.
/// Passwords are generated once and kept beside the superuser's, in files only the owner can read
/// (<c>owner-password</c>, <c>app-password</c>); each start sets them again, so the files and the server agree.
/// </remarks>
public sealed class ClusterRoles
{
    public const string OwnerRole = "reliefmatch_owner";
    public const string ApplicationRole = "reliefmatch_app";

    /// <summary>Advisory lock key for the role setup ("RMrole" in ASCII).</summary>
    private const long LockKey = 0x524D_726F_6C65;

    private readonly PrivateCluster _cluster;
    private readonly string _ownerPassword;
    private readonly string _applicationPassword;

    private ClusterRoles(PrivateCluster cluster, string ownerPassword, string applicationPassword)
    {
        _cluster = cluster;
        _ownerPassword = ownerPassword;
        _applicationPassword = applicationPassword;
    }

    /// <summary>A connection string as <see cref="OwnerRole"/>: for migrations only.</summary>
    public string OwnerConnectionString(string database = PrivateCluster.DatabaseName) => As(OwnerRole, _ownerPassword, database);

    /// <summary>A connection string as <see cref="ApplicationRole"/>: what the program uses.</summary>
    public string ApplicationConnectionString(string database = PrivateCluster.DatabaseName) => As(ApplicationRole, _applicationPassword, database);

    private string As(string role, string password, string database) =>
        new NpgsqlConnectionStringBuilder(_cluster.ConnectionString(database)) { Username = role, Password = password }.ConnectionString;

    /// <summary>
    /// Makes the roles (or sets their attributes and passwords again), hands the cluster's database and the
    /// objects an earlier version made as the superuser to <see cref="OwnerRole"/>, and lets the two roles sign in.
    /// Idempotent; run by <see cref="PrivateCluster.StartAsync"/> each time.
    /// </summary>
    internal static async Task<ClusterRoles> EnsureAsync(PrivateCluster cluster, ILogger logger, CancellationToken cancellationToken)
    {
        await using (var connection = new NpgsqlConnection(Unpooled(cluster.ConnectionString("postgres"))))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Two processes starting at once would race on the password files and on CREATE ROLE: one after the other
            // (the lock ends with the connection).
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken).ConfigureAwait(false);
            var roles = new ClusterRoles(cluster,
                await PasswordAsync(Path.Combine(cluster.Folder, "owner-password"), cancellationToken).ConfigureAwait(false),
                await PasswordAsync(Path.Combine(cluster.Folder, "app-password"), cancellationToken).ConfigureAwait(false));
            await EnsureRoleAsync(connection, OwnerRole, "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS", roles._ownerPassword, cancellationToken).ConfigureAwait(false);
            await EnsureRoleAsync(connection, ApplicationRole, "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION BYPASSRLS", roles._applicationPassword, cancellationToken).ConfigureAwait(false);
            await EnsureRoleAsync(connection, DatabaseRoles.Township, "NOLOGIN NOSUPERUSER NOBYPASSRLS", null, cancellationToken).ConfigureAwait(false);
            await EnsureRoleAsync(connection, DatabaseRoles.Records, "NOLOGIN NOSUPERUSER NOBYPASSRLS", null, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"""
                GRANT {DatabaseRoles.Records} TO {OwnerRole}, {ApplicationRole};
                GRANT {DatabaseRoles.Township} TO {ApplicationRole};
                ALTER DATABASE {PrivateCluster.DatabaseName} OWNER TO {OwnerRole};
                """, cancellationToken).ConfigureAwait(false);
            await using (var database = new NpgsqlConnection(Unpooled(cluster.ConnectionString())))
            {
                await database.OpenAsync(cancellationToken).ConfigureAwait(false);
                await AdoptAsync(database, cancellationToken).ConfigureAwait(false);
            }
            await AllowSignInAsync(roles, connection, logger, cancellationToken).ConfigureAwait(false);
            return roles;
        }
    }

    /// <summary>
    /// Hands the schemas <c>reliefmatch</c> and <c>hangfire</c> and everything in them that the connected superuser
    /// owns to <see cref="OwnerRole"/>: the upgrade of a database an earlier version made as the superuser. Partitions
    /// and identity sequences are included; nothing owned by another role is touched.
    /// </summary>
    internal static Task AdoptAsync(NpgsqlConnection superuser, CancellationToken cancellationToken) => ExecuteAsync(superuser, $"""
        DO $$
        DECLARE
            r record;
        BEGIN
            FOR r IN SELECT n.nspname FROM pg_namespace n
                     WHERE n.nspname IN ('reliefmatch', 'hangfire') AND n.nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) LOOP
                EXECUTE format('ALTER SCHEMA %I OWNER TO {OwnerRole}', r.nspname);
            END LOOP;
            FOR r IN SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname IN ('reliefmatch', 'hangfire') AND c.relkind IN ('r', 'p', 'v', 'm')
                       AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) LOOP
                EXECUTE format('ALTER TABLE %I.%I OWNER TO {OwnerRole}', r.nspname, r.relname);
            END LOOP;
            -- Sequences that belong to no table's column (those follow their table).
            FOR r IN SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname IN ('reliefmatch', 'hangfire') AND c.relkind = 'S'
                       AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) LOOP
                EXECUTE format('ALTER SEQUENCE %I.%I OWNER TO {OwnerRole}', r.nspname, r.relname);
            END LOOP;
            FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE n.nspname IN ('reliefmatch', 'hangfire') AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO {OwnerRole}', r.f);
            END LOOP;
        END
        $$;
        """, cancellationToken);

    /// <summary>
    /// pg_hba.conf names each role that may sign in (password over loopback only, as before); an older cluster's file
    /// named the superuser alone, so it is rewritten and the server reloads it. Waits until the application role gets in.
    /// </summary>
    private static async Task AllowSignInAsync(ClusterRoles roles, NpgsqlConnection superuser, ILogger logger, CancellationToken cancellationToken)
    {
        var hba = Path.Combine(roles._cluster.DataDirectory, "pg_hba.conf");
        var wanted = HostBasedAccess;
        var current = File.Exists(hba) ? await File.ReadAllTextAsync(hba, cancellationToken).ConfigureAwait(false) : null;
        if (current == wanted)
        {
            return;
        }
        logger.LogInformation("Letting the roles {Owner} and {Application} sign in to the private PostgreSQL ({File})", OwnerRole, ApplicationRole, hba);
        await File.WriteAllTextAsync(hba, wanted, cancellationToken).ConfigureAwait(false);
        await ProcessRunner.ChownToServerUserAsync(hba, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(superuser, "SELECT pg_reload_conf()", cancellationToken).ConfigureAwait(false);
        // The reload is a signal to the server: new connections see the new file a moment later.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var probe = new NpgsqlConnection(Unpooled(roles.ApplicationConnectionString("postgres")));
                await probe.OpenAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidAuthorizationSpecification && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Only TCP on loopback with a password: no unix socket (no peer authentication), no other address.</summary>
    internal static string HostBasedAccess =>
        "# ReliefMatch private cluster: password (SCRAM) over loopback only.\n" +
        $"host    all    {PrivateCluster.UserName}    127.0.0.1/32    scram-sha-256\n" +
        $"host    all    {OwnerRole}    127.0.0.1/32    scram-sha-256\n" +
        $"host    all    {ApplicationRole}    127.0.0.1/32    scram-sha-256\n";

    private static async Task EnsureRoleAsync(NpgsqlConnection connection, string role, string attributes, string? password, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", connection) { Parameters = { new() { Value = role } } })
        {
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                await ExecuteAsync(connection, $"CREATE ROLE {role}", cancellationToken).ConfigureAwait(false);
            }
        }
        // The password is hex (generated below), so it needs no escaping inside the literal.
        await ExecuteAsync(connection, $"ALTER ROLE {role} WITH {attributes}" + (password is null ? "" : $" PASSWORD '{password}'"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The password kept in <paramref name="path"/>, made (mode 600) when there is none yet.</summary>
    private static async Task<string> PasswordAsync(string path, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            var stored = (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).Trim();
            if (stored.Length > 0 && stored.All(char.IsAsciiHexDigit))
            {
                return stored;
            }
        }
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        PrivateCluster.WriteSecret(path, password);
        return password;
    }

    private static string Unpooled(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
