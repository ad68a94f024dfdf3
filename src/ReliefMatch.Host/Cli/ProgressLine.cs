using System.Diagnostics;

namespace ReliefMatch.Host.Cli;

/// <summary>
/// A one-line progress display of rows read, on standard error and only on a terminal, refreshed a few times a
/// second; cleared when disposed.
/// </summary>
public sealed class ProgressLine(TextWriter error) : IProgress<(string File, long Rows)>, IDisposable
{
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private bool _shown;

    public void Report((string File, long Rows) value)
    {
        if (!_interactive || _sinceLast.ElapsedMilliseconds < 250)
        {
            return;
        }
        _sinceLast.Restart();
        _shown = true;
        error.Write($"\r  {value.File}：已读 {value.Rows:N0} 行……   ");
    }

    public void Dispose()
    {
        if (_shown)
        {
            error.Write("\r" + new string(' ', 100) + "\r");
        }
    }
}
