using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// Retries a failed job a bounded number of times when, and only when, the failure is transient
/// (<see cref="TransientFailures.IsTransient"/>); any other failure leaves the job failed at once, for the
/// officer to see in the dashboard and the runs page. Replaces Hangfire's default retry-everything filter.
/// The retry bookkeeping is Hangfire's own <see cref="AutomaticRetryAttribute"/>.
/// </summary>
public sealed class TransientRetryFilter : JobFilterAttribute, IElectStateFilter, IApplyStateFilter
{
    private readonly AutomaticRetryAttribute _retry;

    /// <param name="delays">The wait before each retry; as many retries as entries.</param>
    public TransientRetryFilter(IReadOnlyList<TimeSpan> delays)
    {
        ArgumentNullException.ThrowIfNull(delays);
        if (delays.Count == 0 || delays.Any(d => d < TimeSpan.Zero))
        {
            throw new ArgumentException("Give at least one retry delay, none negative.", nameof(delays));
        }
        Attempts = delays.Count;
        _retry = new AutomaticRetryAttribute
        {
            Attempts = delays.Count,
            DelaysInSeconds = delays.Select(d => (int)Math.Ceiling(d.TotalSeconds)).ToArray(),
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        };
    }

    /// <summary>How many retries a transient failure gets.</summary>
    public int Attempts { get; }

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is FailedState failed && TransientFailures.IsTransient(failed.Exception))
        {
            _retry.OnStateElection(context);
        }
    }

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction) => _retry.OnStateApplied(context, transaction);

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction) => _retry.OnStateUnapplied(context, transaction);
}
