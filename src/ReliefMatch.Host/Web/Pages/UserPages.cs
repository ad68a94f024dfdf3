using Npgsql;
using ReliefMatch.Host.Runs;
using ReliefMatch.Host.Web.Accounts;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// The county's accounts page: who may sign in (role, township, state) and the form that adds a user, as
/// <c>reliefmatch user add</c> does — a township user's township must be one the rosters name or the installation
/// lists, and a refusal names the near spellings. Every addition is audited; the password is the one the county
/// officer hands over, kept hashed.
/// </summary>
public static class UserPages
{
    public static void Map(RouteGroupBuilder county)
    {
        county.MapGet("/users", ListAsync);
        county.MapPost("/users", AddAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, UserStore users, NpgsqlDataSource dataSource, WorkplaceSettings settings, TimeProvider time) =>
        PageResults.Page(context, "用户管理", await ContentAsync(context, users, dataSource, settings, time, null, new Dictionary<string, string>(),
            context.Request.Query["added"].ToString() is { Length: > 0 } added ? $"已添加用户 {added}。" : null));

    private static async Task<IResult> AddAsync(HttpContext context, UserStore users, NpgsqlDataSource dataSource, WorkplaceSettings settings, TimeProvider time)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var typed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = form["name"].ToString().Trim(),
            ["role"] = form["role"].ToString(),
            ["township"] = form["township"].ToString().Trim(),
        };
        var problem = await ProblemAsync(typed, form["password"].ToString(), dataSource, settings, context.RequestAborted);
        if (problem is null)
        {
            UserRoleText.TryParse(typed["role"], out var role);
            var township = role == UserRole.Township ? typed["township"] : null;
            var user = await users.AddAsync(typed["name"], role, township, Passwords.Hash(form["password"].ToString()), context.RequestAborted);
            if (user is not null)
            {
                await WorkplaceAudit.WriteAsync(context, AuditActions.AddUser, $"{user.Name}（{user.Role.Chinese()}{(user.Township is { } t ? " " + t : "")}）");
                return Results.Redirect("/county/users" + Links.Query(("added", user.Name)));
            }
            problem = $"已有名为“{typed["name"]}”的用户。";
        }
        return PageResults.Page(context, "用户管理", await ContentAsync(context, users, dataSource, settings, time, problem, typed, null), StatusCodes.Status400BadRequest);
    }

    private static async Task<string?> ProblemAsync(Dictionary<string, string> typed, string password, NpgsqlDataSource dataSource, WorkplaceSettings settings,
        CancellationToken cancellationToken)
    {
        if (typed["name"].Length == 0)
        {
            return "请填写用户名。";
        }
        if (!UserRoleText.TryParse(typed["role"], out var role))
        {
            return "请选择角色（县级或乡镇）。";
        }
        if (role == UserRole.Township)
        {
            if (typed["township"].Length == 0)
            {
                return "乡镇用户须填写所属乡镇。";
            }
            if (await TownshipCheck.ProblemAsync(dataSource, settings.Installation, typed["township"], cancellationToken) is { } unknown)
            {
                return unknown;
            }
        }
        return Passwords.Problem(password);
    }

    private static async Task<Markup> ContentAsync(HttpContext context, UserStore users, NpgsqlDataSource dataSource, WorkplaceSettings settings, TimeProvider time,
        string? problem, IReadOnlyDictionary<string, string> typed, string? done)
    {
        var now = time.GetUtcNow();
        var list = await users.ListAsync(context.RequestAborted);
        var rows = list.Select(u => Of($"""
            <tr><td class="name">{u.Name}</td><td>{u.Role.Chinese()}</td><td class="place">{u.Township}</td>
            <td>{(!u.Enabled ? "已停用" : u.IsLockedAt(now) ? $"锁定至 {WorkplaceClock.Text(u.LockedUntil!.Value)}" : "正常")}</td><td>{WorkplaceClock.Text(u.CreatedAt)}</td></tr>
            """));
        var known = (await new TownshipDirectory(dataSource).RosterTownshipsAsync(settings.Installation.HomeCountyCode, context.RequestAborted))
            .Concat(settings.Installation.Townships).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(t => Of($"""<option value="{t}"></option>"""));
        string Typed(string key) => typed.TryGetValue(key, out var v) ? v : "";
        var message = problem is not null ? Of($"""<p class="msg" id="user-problem">{problem}</p>""")
            : done is not null ? Of($"""<p class="msg good" id="user-added">{done}</p>""")
            : Markup.Empty;
        return Of($"""
            {message}
            <form method="post" action="/county/users" class="box" id="add-user">
            {Layout.AntiforgeryField(context)}
            <h2>添加用户</h2>
            <p><label>用户名 <input name="name" id="user-name" value="{Typed("name")}" required></label>
               <label>角色 <select name="role" id="user-role">
               <option value="township"{Raw(Typed("role") == "county" ? "" : " selected")}>乡镇</option><option value="county"{Raw(Typed("role") == "county" ? " selected" : "")}>县级</option></select></label>
               <label>所属乡镇（乡镇用户） <input name="township" id="user-township" list="known-townships" value="{Typed("township")}" size="10"></label>
               <datalist id="known-townships">{known}</datalist>
               <label>初始密码 <input name="password" id="user-password" type="password" autocomplete="new-password" required></label></p>
            <p><button type="submit" id="add-user-button">添加</button></p>
            <p class="muted">乡镇须是名册中或本安装列出的乡镇；密码至少 8 个字符，只保存其散列值。停用、解锁、改密码请用命令行 reliefmatch user。</p>
            </form>
            <h2>现有用户</h2>
            <div class="scroll"><table id="users"><thead><tr><th>用户名</th><th>角色</th><th>乡镇</th><th>状态</th><th>添加时间</th></tr></thead><tbody>{rows}</tbody></table></div>
            """);
    }
}
