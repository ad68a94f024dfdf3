using ReliefMatch.Host.Runs;

namespace ReliefMatch.Host.Web;

/// <summary>How <c>reliefmatch serve</c> runs: where it listens, its state folder and its drop folder.</summary>
public sealed record WorkplaceSettings
{
    /// <summary>The addresses Kestrel listens on, separated by <c>;</c>. Port 0 takes a free port (tests).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>The installation's state folder (<c>--home</c>): the keys that protect sign-in cookies live in its <c>keys</c> sub-folder.</summary>
    public required string Home { get; init; }

    /// <summary>The drop folder uploads are saved into, one sub-folder per source (default <c>&lt;home&gt;/inbox</c>).</summary>
    public required string Inbox { get; init; }

    /// <summary>The county the workplace serves: the home's (<see cref="Installation"/>), never assumed.</summary>
    public required Installation Installation { get; init; }

    /// <summary>
    /// The reverse proxies, as addresses or networks (besides this machine's own addresses, always trusted), whose <c>X-Forwarded-Proto</c>
    /// and <c>X-Forwarded-For</c> are believed (<c>--proxy</c>): a request that reached the proxy over HTTPS gets
    /// <c>Secure</c> cookies, and the audit log the browser's address. Anyone else's forwarded headers are ignored.
    /// </summary>
    public IReadOnlyList<System.Net.IPNetwork> Proxies { get; init; } = [];

    public Accounts.LockoutPolicy Lockout { get; init; } = Accounts.LockoutPolicy.Default;

    /// <summary>Log requests and what happens (<c>--verbose</c>); otherwise only warnings.</summary>
    public bool Verbose { get; init; }

    /// <summary>The largest extract upload accepted, all files together (a county roster XLSX runs to tens of MB).</summary>
    public long MaxExtractUploadBytes { get; init; } = 1L << 30;

    /// <summary>The largest returned worklist accepted.</summary>
    public long MaxReturnUploadBytes { get; init; } = 32L << 20;

    /// <summary>
    /// The installation's rule folder: where the extract sanity thresholds are read from and where a replayed rule is
    /// published. Null: the shipped thresholds apply and no rule can be published from the web.
    /// </summary>
    public string? RulesFolder { get; init; }

    public static string DefaultInbox(string home) => Path.Combine(home, "inbox");
}
