using ReliefMatch.Core.Identity;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// A job's exception as it is stored (<see cref="MaskedFailureFilter"/>): the original's type and message, and its inner
/// exceptions in turn, every text with IDs masked 6+4. The stack trace is not kept with the job: the log has it,
/// masked as every log line is.
/// </summary>
public sealed class MaskedJobException : Exception
{
    public MaskedJobException(Exception original)
        : base(IdText.MaskIds($"{original?.GetType().FullName}: {original?.Message}"), original?.InnerException is { } inner ? new MaskedJobException(inner) : null)
    {
        ArgumentNullException.ThrowIfNull(original);
    }

    public MaskedJobException()
        : this(new InvalidOperationException())
    {
    }

    public MaskedJobException(string message)
        : this(new InvalidOperationException(message))
    {
    }

    public MaskedJobException(string message, Exception innerException)
        : this(new InvalidOperationException(message, innerException))
    {
    }
}
