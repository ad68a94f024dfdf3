namespace ReliefMatch.Host.Outputs;

/// <summary>Township names made fit for sheet and file names.</summary>
internal static class OutputNames
{
    /// <summary>Excel refuses <c>[]:*?/\</c> and names over 31 characters.</summary>
    public static string Sheet(string name)
    {
        var safe = string.Concat(name.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? '_' : c)).Trim('\'');
        safe = safe.Length > 31 ? safe[..31] : safe;
        return safe.Length == 0 ? "_" : safe;
    }

    /// <summary>
    /// A file name that is valid on Windows too (the worklists are sent to townships on Windows PCs), whatever
    /// the platform the run is on: <c>\/:*?"&lt;&gt;|</c> and control characters become <c>_</c>.
    /// </summary>
    public static string File(string name)
    {
        var safe = string.Concat(name.Select(c => c is '\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(c) ? '_' : c)).Trim().TrimEnd('.');
        return safe.Length == 0 || safe is "." or ".." ? "_" : safe;
    }
}
