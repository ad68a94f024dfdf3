using Hangfire;
using Hangfire.Common;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// The job filters of ReliefMatch's scheduler: Hangfire's global ones except its retry-everything
/// <see cref="AutomaticRetryAttribute"/>, in whose place <see cref="TransientRetryFilter"/> retries transient
/// failures only; <see cref="MaskedFailureFilter"/>, which masks IDs in what is stored of a failure; plus the
/// attributes on job classes. Handed to the servers and clients explicitly, so the
/// process-wide <see cref="GlobalJobFilters"/> are read, never changed.
/// </summary>
public static class JobFilters
{
    public static IJobFilterProvider Create(JobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var filters = new JobFilterCollection();
        foreach (var filter in GlobalJobFilters.Filters)
        {
            if (filter.Instance is not AutomaticRetryAttribute)
            {
                filters.Add(filter.Instance, filter.Order);
            }
        }
        filters.Add(new TransientRetryFilter(options.RetryDelays));
        // Last: the retry filter decides on the original exception; what is stored has its IDs masked.
        filters.Add(new MaskedFailureFilter(), int.MaxValue);
        return new JobFilterProviderCollection(filters, new JobFilterAttributeFilterProvider());
    }
}
