using System.Text.RegularExpressions;
using ReliefMatch.Core.Identity;
using ReliefMatch.Host.Web.Accounts;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>Writes the signed-in user's action to the audit log, with the browser's address.</summary>
public static partial class WorkplaceAudit
{
    /// <summary>
    /// A refusal (403): who asked for which address (method and path, without the query, where searches carry
    /// names and ID numbers; an ID number in the path masked like everywhere else), and when.
    /// </summary>
    public static Task WriteRefusalAsync(HttpContext context) =>
        WriteAsync(context, AuditActions.AccessDenied, $"{context.Request.Method} {IdLike().Replace(context.Request.Path.Value ?? "", m => ResidentId.Mask(m.Value))}");

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

    // What could be an ID number: 15 digits, or 17 and a check character.
    [GeneratedRegex("[0-9]{17}[0-9Xx]|[0-9]{15}")]
    private static partial Regex IdLike();
}
