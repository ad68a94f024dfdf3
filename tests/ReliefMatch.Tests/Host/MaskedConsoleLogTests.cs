using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using ReliefMatch.Core.Identity;
using ReliefMatch.Host;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host;

public class MaskedConsoleLogTests
{
    private static readonly string Id = TestRecords.IdNumber(41);

    private static string Write(string message, Exception? exception = null, string timestamp = "")
    {
        var formatter = new MaskedConsoleLog(Options.Create(new ConsoleFormatterOptions { TimestampFormat = timestamp }));
        using var output = new StringWriter();
        formatter.Write(new LogEntry<string>(LogLevel.Warning, "Microsoft.AspNetCore.Hosting.Diagnostics", new EventId(1), message, exception, (s, _) => s), null, output);
        return output.ToString();
    }

    [Fact]
    public void Write_ARequestAddressWithAnId_OneLineWithTheIdMasked()
    {
        var line = Write($"Request starting HTTP/1.1 GET http://127.0.0.1:5080/county/findings?q={Id}&full=1 - - -");

        Assert.Equal($"warn: Microsoft.AspNetCore.Hosting.Diagnostics[1] Request starting HTTP/1.1 GET http://127.0.0.1:5080/county/findings?q={ResidentId.Mask(Id)}&full=1 - - -{Environment.NewLine}", line);
    }

    [Fact]
    public void Write_AnExceptionQuotingAnId_OnTheSameLineMasked()
    {
        var line = Write("job failed", new InvalidOperationException($"23505: duplicate key\nDETAIL: Key (id_number)=({Id}) already exists."));

        Assert.Contains($"job failed System.InvalidOperationException: 23505: duplicate key DETAIL: Key (id_number)=({ResidentId.Mask(Id)})", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Id, line, StringComparison.Ordinal);
        Assert.Single(line.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
