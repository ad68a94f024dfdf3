using System.Globalization;
using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ReliefMatch.Host.Jobs;

/// <summary>Wires the jobs into the built web application.</summary>
public static class JobsApplicationExtensions
{
    /// <summary>The UI culture the jobs dashboard is shown in.</summary>
    public static readonly CultureInfo DashboardCulture = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>
    /// Registers the recurring jobs (unless <see cref="JobsOptions.RegisterRecurringJobs"/> is off) and maps the
    /// dashboard at <see cref="JobsOptions.DashboardPath"/> for the county role only. Call it after
    /// <c>UseAuthentication</c>: an anonymous request is challenged (the login page, or 401 without a
    /// challenge scheme), a signed-in user without the role is forbidden (403, or the scheme's access-denied page).
    /// </summary>
    public static WebApplication UseReliefMatchJobs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<JobsOptions>();
        if (options.RegisterRecurringJobs)
        {
            app.Services.GetRequiredService<JobScheduler>().RegisterRecurringJobs();
        }

        var path = new PathString(options.DashboardPath);
        app.UseWhen(context => context.Request.Path.StartsWithSegments(path), branch => branch.Use(async (context, next) =>
        {
            if (CountyDashboardAuthorizationFilter.Allows(context.User))
            {
                // The dashboard reads its texts from Hangfire's resources by the request's UI culture: the county's
                // officers read Chinese (the zh resources ship with Hangfire.Core; the build keeps them). Only the UI
                // culture: a job triggered here captures the request's cultures, and its formatting stays as it was.
                CultureInfo.CurrentUICulture = DashboardCulture;
                await next(context);
                return;
            }
            var schemes = context.RequestServices.GetService<IAuthenticationSchemeProvider>();
            var authenticated = context.User.Identity?.IsAuthenticated == true;
            var scheme = schemes is null ? null
                : authenticated ? await schemes.GetDefaultForbidSchemeAsync() : await schemes.GetDefaultChallengeSchemeAsync();
            if (scheme is null)
            {
                context.Response.StatusCode = authenticated ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            }
            else if (authenticated)
            {
                await context.ForbidAsync();
            }
            else
            {
                await context.ChallengeAsync();
            }
        }));
        app.UseHangfireDashboard(options.DashboardPath, new DashboardOptions
        {
            Authorization = [new CountyDashboardAuthorizationFilter()],
            DashboardTitle = "社会救助数据比对预警 · 定时任务",
            DisplayStorageConnectionString = false,
            AppPath = "/",
        }, app.Services.GetRequiredService<JobStorage>());
        return app;
    }
}
