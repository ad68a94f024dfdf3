namespace ReliefMatch.Core.Rules;

/// <summary>
/// A rule file that cannot be used: broken configuration, so an exception, naming the file, the line (and
/// column, 1-based; 0 when not known) and what was expected.
/// </summary>
public sealed class RuleFileException : Exception
{
    public RuleFileException(string file, long line, long column, string problem)
        : base(Format(file, line, column, problem))
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public RuleFileException(string file, long line, long column, string problem, Exception inner)
        : base(Format(file, line, column, problem), inner)
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public string File { get; }
    public long Line { get; }
    public long Column { get; }
    public string Problem { get; }

    private static string Format(string file, long line, long column, string problem) =>
        line <= 0 ? $"{file}: {problem}"
        : column <= 0 ? $"{file}, line {line}: {problem}"
        : $"{file}, line {line}, column {column}: {problem}";
}
