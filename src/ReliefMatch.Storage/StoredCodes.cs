using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Storage;

/// <summary>How domain values are spelled in the tables, both ways.</summary>
internal static class StoredCodes
{
    public static string Status(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Active => "active",
        EnrolmentStatus.PhasingOut => "phasing-out",
        EnrolmentStatus.Stopped => "stopped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static EnrolmentStatus ParseStatus(string text) =>
        CodeLists.TryStatus(text, out var s) ? s : throw new InvalidDataException($"Unknown stored status '{text}'.");

    public static Programme ParseProgramme(string text) =>
        CodeLists.TryProgramme(text, out var p) ? p : throw new InvalidDataException($"Unknown stored programme '{text}'.");

    public static Confidence ParseConfidence(string text) =>
        Enum.GetValues<Confidence>().Where(c => c.Id() == text).Select(c => (Confidence?)c).FirstOrDefault()
            ?? throw new InvalidDataException($"Unknown stored confidence '{text}'.");

    public static string? Problem(IdProblem problem) => problem == IdProblem.None ? null : ProblemNames[(int)problem];

    public static IdProblem ParseProblem(string? text) => text is null ? IdProblem.None : Enum.Parse<IdProblem>(text);

    private static readonly string[] ProblemNames = Enum.GetValues<IdProblem>().Select(p => p.ToString()).ToArray();

    /// <summary>Rebuilds the parsed ID from its stored parts without parsing again.</summary>
    public static ParsedId Id(string text, long? key, string? problem, bool upgraded) =>
        key is { } k
            ? new ParsedId(text, ResidentId.FromKey(k), IdProblem.None, upgraded)
            : new ParsedId(text, null, ParseProblem(problem) is var p && p != IdProblem.None ? p : IdProblem.Missing, upgraded);

    /// <summary>PostgreSQL text cannot hold NUL; a damaged cell may.</summary>
    public static string Clean(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", "", StringComparison.Ordinal) : text;
}
