using ReliefMatch.Host.Web.Accounts;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>Writes the signed-in user's action to the audit log, with the browser's address.</summary>
public static class WorkplaceAudit
{
    public static Task WriteAsync(HttpContext context, string action, string subject, int rows = 0, bool fullIds = false)
    {
        var user = context.User;
        var log = context.RequestServices.GetRequiredService<AuditLog>();
        return log.WriteAsync(new AuditEntry(user.Name(), user.Role(), user.Township(), action, subject)
        {
            Rows = rows,
            FullIds = fullIds,
            Address = context.Connection.RemoteIpAddress?.ToString(),
        }, context.RequestAborted);
    }
}
