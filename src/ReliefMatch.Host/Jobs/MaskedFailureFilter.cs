using Hangfire.Common;
using Hangfire.States;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// Stores a job's failure with resident IDs masked 6+4: the exception Hangfire keeps with a failed job (its type,
/// message and details, shown on the jobs dashboard to anyone who may open it) is replaced, before it is stored, by
/// one whose texts are the original's with every ID masked, and a retry's reason likewise. A failure quoting a row of
/// an extract (a refused cell, a key of a database error) must not leave a full ID in the job store.
/// </summary>
/// <remarks>Runs after <see cref="TransientRetryFilter"/> (<see cref="JobFilters"/> orders it last), which decides on the original exception.</remarks>
public sealed class MaskedFailureFilter : JobFilterAttribute, IElectStateFilter
{
    public void OnStateElection(ElectStateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (context.CandidateState)
        {
            case FailedState failed when failed.Exception is not MaskedJobException && IdText.HasIds(failed.Exception.ToString()):
                context.CandidateState = new FailedState(new MaskedJobException(failed.Exception), failed.ServerId) { Reason = failed.Reason is null ? null : IdText.MaskIds(failed.Reason) };
                break;
            case ScheduledState scheduled when IdText.HasIds(scheduled.Reason):
                scheduled.Reason = IdText.MaskIds(scheduled.Reason);
                break;
        }
    }
}
