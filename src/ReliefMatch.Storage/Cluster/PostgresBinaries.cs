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

    /// <summary>Every place looked at, in order: named in the error when nothing is found.</summary>
    public static IReadOnlyList<string> SearchedPlaces()
    {
        var places = new List<string>();
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            places.Add(dir);
        }
        places.Add("/usr/lib/postgresql/<version>/bin");
        return places;
    }

    /// <summary>Finds an installation, or null when none is installed.</summary>
    public static PostgresBinaries? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var found = FromDirectory(dir);
            if (found is not null)
            {
                return found;
            }
        }
        const string debianRoot = "/usr/lib/postgresql";
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
