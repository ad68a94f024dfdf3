using System.Text;
using System.Text.RegularExpressions;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Cli;

/// <summary>
/// Everything the commands print for a county officer is Chinese: the main commands run as the officer runs them (a real
/// process, a real PostgreSQL, data the <c>sample</c> command writes), their help and their usual mistakes; no line of
/// standard output or error is English only (a line with no Chinese may hold only numbers, paths, file names and codes),
/// and no full resident ID number is printed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ChineseOutputTests(PostgresFixture postgres)
{
    private static readonly string Rules = Path.Combine(RepositoryRoot.Path, "rules");

    [Fact]
    public async Task MainCommands_SampleData_EveryLineChineseNoFullIds()
    {
        var env = new Dictionary<string, string?>(await postgres.CreateEmptyDatabaseEnvironmentAsync()) { ["COLUMNS"] = "200" };
        var work = TempFolder.Create("chinese-output");
        var home = Path.Combine(work, "home");
        var drop = Path.Combine(work, "drop");
        var output = Path.Combine(work, "out");
        var printed = new StringBuilder();
        async Task<ReliefmatchProcess.Result> Run(int exitCode, params string[] args)
        {
            var result = await ReliefmatchProcess.RunAsync(env, args);
            Assert.True(result.ExitCode == exitCode, $"reliefmatch {string.Join(' ', args)} ended with {result.ExitCode}:\n{result.Output}\n{result.Error}");
            printed.AppendLine($"$ reliefmatch {string.Join(' ', args)}").Append(result.Output).Append(result.Error);
            return result;
        }
        try
        {
            // The usual mistakes: no month, a month that is none, no county set, a drop folder that is not there, a role that is none.
            await Run(1, "--home", home, "run", "--out", output);
            await Run(1, "--home", home, "run", "--period", "2023-13", "--out", output);
            await Run(3, "--home", home, "run", "--period", "2023-07", "--out", output);
            await Run(2, "--home", home, "import", "--input", Path.Combine(work, "nowhere"));
            await Run(1, "--home", home, "user", "add", "x", "--role", "admin");
            await Run(2, "--home", home, "user", "add", "x", "--role", "county");
            await Run(1);
            foreach (var command in new[] { "init", "import", "run", "replay", "sample", "explain", "accuracy", "serve", "user", "docs" })
            {
                await Run(0, command, "--help");
            }
            await Run(0, "--help");

            await Run(0, "sample", "--out", drop, "--households", "60");
            // A department's folder no declaration names: the import, the run and its log line say so, in Chinese.
            Directory.CreateDirectory(Path.Combine(drop, "housing-fund"));
            await File.WriteAllTextAsync(Path.Combine(drop, "housing-fund", "公积金缴存_202307.csv"), "姓名,身份证号,缴存金额\n");
            await Run(0, "--home", home, "init", "--county", "450326", "--name", "永福县");
            await Run(0, "--home", home, "--rules", Rules, "import", "--input", drop, "--period", "2023-07");
            await Run(0, "--home", home, "--rules", Rules, "run", "--input", drop, "--period", "2023-07", "--out", output);
            await Run(0, "--home", home, "--rules", Rules, "run", "--period", "2023-07", "--out", output);
            var reference = File.ReadLines(Path.Combine(output, "findings.csv")).Skip(1).First().Split(',')[^1];
            await Run(0, "--home", home, "--rules", Rules, "explain", reference);
            await Run(0, "--home", home, "--rules", Rules, "replay", "--period", "2023-07", "--rule", Path.Combine(Rules, "deceased-recipient.yaml"));
            await Run(0, "--home", home, "--rules", Rules, "accuracy", "--period", "2023-07");
            await Run(0, "--home", home, "user", "list");
            await Run(2, "--home", home, "user", "disable", "nobody");
            await Run(0, "--rules", Rules, "docs", "--sources", Path.Combine(RepositoryRoot.Path, "docs", "sources.md"), "--check");

            var text = printed.ToString();
            var english = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !l.StartsWith("$ reliefmatch", StringComparison.Ordinal) && IsEnglishOnly(l)).ToList();
            Assert.True(english.Count == 0, "Lines with no Chinese:\n" + string.Join("\n", english) + "\n\nAll output:\n" + text);
            Assert.DoesNotMatch(FullId(), text);
        }
        finally
        {
            TempFolder.Delete(work);
        }
    }

    [Theory]
    [InlineData("Description:", true)]
    [InlineData("  -?, -h, --help  Show help and usage information", true)]
    [InlineData("│ roster │ GB18030 │ 2 │  48 │", true)]
    [InlineData("error: the drop folder '/tmp/x' does not exist.", true)]
    [InlineData("│ 民政救助对象花名册 roster │ GB18030 │ 2 │", false)]
    [InlineData("  /tmp/x/roster/a.csv  450326********1234  2,311", false)]
    [InlineData("╭──────┬──────╮", false)]
    [InlineData("", false)]
    public void IsEnglishOnly_Line_WordsWithoutChineseOnly(string line, bool englishOnly) => Assert.Equal(englishOnly, IsEnglishOnly(line));

    /// <summary>
    /// A line with no Chinese character that still has a word of three or more Latin letters outside a path or file name
    /// (a token with a slash or an extension): a sentence or a heading left in English.
    /// </summary>
    private static bool IsEnglishOnly(string line) =>
        !Cjk().IsMatch(line)
        && line.Split((char[])[' ', '\t', '│', '┃', '|'], StringSplitOptions.RemoveEmptyEntries)
            .Where(token => !token.Contains('/', StringComparison.Ordinal) && !token.Contains('\\', StringComparison.Ordinal) && !FileName().IsMatch(token))
            .Any(token => Word().IsMatch(token));

    [GeneratedRegex(@"[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"^\S+\.[A-Za-z0-9]{2,5}$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])")]
    private static partial Regex Word();

    /// <summary>An unmasked 18-character resident ID number: six digits of place, eight of birth date, three and a check character.</summary>
    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{5}(19|20)[0-9]{2}[01][0-9][0-3][0-9][0-9]{3}[0-9Xx](?![0-9])")]
    private static partial Regex FullId();
}
