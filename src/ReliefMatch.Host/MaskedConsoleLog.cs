using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Host;

/// <summary>
/// The console log of every command and of <c>serve</c>: one line per entry (<c>HH:mm:ss info: category[event]
/// message</c>, an exception on the same line) with every resident ID masked 6+4. A server log is read by whoever
/// runs the machine and is kept and copied without the care given to the database; the program's own messages
/// carry no personal data, but a framework's may (a request's address with <c>?q=</c> an ID number, a
/// database error's detail quoting a key), so the mask is applied here, to everything written.
/// </summary>
public sealed class MaskedConsoleLog : ConsoleFormatter
{
    public const string FormatterName = "masked";

    private readonly string _timestampFormat;

    public MaskedConsoleLog(Microsoft.Extensions.Options.IOptions<ConsoleFormatterOptions> options) : base(FormatterName)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timestampFormat = options.Value.TimestampFormat ?? "";
    }

    /// <summary>Logs to the console through this formatter, stamped with <paramref name="timestampFormat"/> (local time).</summary>
    public static ILoggingBuilder AddTo(ILoggingBuilder builder, string timestampFormat) =>
        builder
            .AddConsole(o => o.FormatterName = FormatterName)
            .AddConsoleFormatter<MaskedConsoleLog, ConsoleFormatterOptions>(o => o.TimestampFormat = timestampFormat);

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }
        var line = new System.Text.StringBuilder();
        if (_timestampFormat.Length > 0)
        {
            line.Append(DateTimeOffset.Now.ToString(_timestampFormat, System.Globalization.CultureInfo.InvariantCulture));
        }
        line.Append(Level(logEntry.LogLevel)).Append(": ").Append(logEntry.Category)
            .Append('[').Append(logEntry.EventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("] ");
        if (message is not null)
        {
            line.Append(OneLine(message));
        }
        if (logEntry.Exception is { } e)
        {
            line.Append(' ').Append(OneLine(e.ToString()));
        }
        textWriter.WriteLine(IdText.MaskIds(line.ToString()));
    }

    private static string OneLine(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
