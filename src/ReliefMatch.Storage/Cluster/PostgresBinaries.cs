namespace ReliefMatch.Storage.Cluster;

/// <summary>
/// Where the installed PostgreSQL server programs are: <c>initdb</c> and <c>pg_ctl</c> from one installation,
/// found on PATH or in the highest <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (Debian's layout, which does
/// not put the server programs on PATH).
/// </summary>
public sealed record PostgresBinaries(string BinDirectory)
{
    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    private const string DebianRoot = "/usr/lib/postgresql";

    private static string[] PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Finds an installation on PATH or in Debian's folder, or null when none is installed.</summary>
    public static PostgresBinaries? Find() => Find(PathDirectories(), DebianRoot);

    /// <summary>Finds an installation, or throws the error that says what was tried and the fix.</summary>
    public static PostgresBinaries Require() => Require(PathDirectories(), DebianRoot);

    internal static PostgresBinaries Require(IReadOnlyList<string> pathDirectories, string debianRoot) =>
        Find(pathDirectories, debianRoot) ?? throw new DatabaseUnavailableException(
            "No PostgreSQL database is available. With no server configured, ReliefMatch runs its own private PostgreSQL, " +
            "but the PostgreSQL server programs (initdb, pg_ctl) were not found; looked in: " +
            string.Join(", ", pathDirectories.Append(Path.Combine(debianRoot, "<version>", "bin"))) + ". " +
            "Fix: install them (apt-get install postgresql), or set RELIEFMATCH_DB to the connection string of a PostgreSQL server " +
            "(e.g. Host=localhost;Username=reliefmatch;Password=…;Database=reliefmatch).");

    internal static PostgresBinaries? Find(IReadOnlyList<string> pathDirectories, string debianRoot)
    {
        foreach (var dir in pathDirectories)
        {
            var found = FromDirectory(dir);
            if (found is not null)
            {
                return found;
            }
        }
        if (Directory.Exists(debianRoot))
        {
            var versions = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d).Split('.')[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(x => x.Version >= 0)
                .OrderByDescending(x => x.Version);
            foreach (var (dir, _) in versions)
            {
                var found = FromDirectory(Path.Combine(dir, "bin"));
                if (found is not null)
                {
                    return found;
                }
            }
        }
        return null;
    }

    private static PostgresBinaries? FromDirectory(string dir)
    {
        var initdb = Path.Combine(dir, "initdb");
        var pgctl = Path.Combine(dir, "pg_ctl");
        if (!File.Exists(initdb) || !File.Exists(pgctl))
        {
            return null;
        }
        // A symlink on PATH (/usr/local/bin/pg_ctl -> /usr/lib/postgresql/15/bin/pg_ctl): use the real folder so
        // that initdb, pg_ctl and the postgres server they call all come from one installation.
        var real = new FileInfo(pgctl).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(pgctl);
        var realDir = Path.GetDirectoryName(real)!;
        return File.Exists(Path.Combine(realDir, "initdb")) && File.Exists(Path.Combine(realDir, "postgres"))
            ? new PostgresBinaries(realDir)
            : new PostgresBinaries(Path.GetFullPath(dir));
    }
}
