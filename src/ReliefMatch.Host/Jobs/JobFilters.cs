using Hangfire;
using Hangfire.Common;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// The job filters of ReliefMatch's scheduler: Hangfire's global ones except its retry-everything
/// <see cref="AutomaticRetryAttribute"/>, in whose place <see cref="TransientRetryFilter"/> retries transient
/// failures only; plus the attributes on job classes. Handed to the servers and clients explicitly, so the
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
        return new JobFilterProviderCollection(filters, new JobFilterAttributeFilterProvider());
    }
}
