using ReliefMatch.Core.Rules;

namespace ReliefMatch.Host.Web;

/// <summary>
/// The rule set the workplace's pages read: loaded when the workplace starts, replaced when a rule version is published
/// from the web (<see cref="Runs.RulePublisher"/>), so that every page shows the new title and version at once rather
/// than after a restart. Pages take <see cref="RuleSet"/> per request (the container asks this holder); long-lived
/// services keep the holder, never a rule set.
/// </summary>
public sealed class CurrentRules(RuleSet rules)
{
    private RuleSet _rules = rules;

    public RuleSet Rules => Volatile.Read(ref _rules);

    /// <summary>Puts <paramref name="rules"/> in force for every request from now on.</summary>
    public void Replace(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Volatile.Write(ref _rules, rules);
    }
}
