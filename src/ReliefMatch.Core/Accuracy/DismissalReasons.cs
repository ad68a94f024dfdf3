using System.Text;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Core.Accuracy;

/// <summary>
/// Groups the reasons townships give for 不属实, so that the county sees which misreadings of the data recur: texts
/// that differ only in width (ＡＢ / AB, full-width punctuation), spaces or closing punctuation are one
/// reason. An ID typed into a reason is masked (6+4): the grouped reasons are shown beyond the township that wrote them.
/// </summary>
public static class DismissalReasons
{
    private const string Trailing = "。.，,；;！!、 ";

    /// <summary>The reason as grouped and shown: NFKC, no white space, no closing punctuation, IDs masked; 未写理由 when empty.</summary>
    public static string Normalise(string? reason)
    {
        var text = IdText.MaskIds((reason ?? "").Normalize(NormalizationForm.FormKC));
        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact.Append(c);
            }
        }
        var result = compact.ToString().TrimEnd(Trailing.ToCharArray());
        return result.Length == 0 ? "未写理由" : result;
    }

    /// <summary>The reasons of <paramref name="reasons"/> grouped, most frequent first, then in ordinal order.</summary>
    public static IReadOnlyList<ReasonCount> Group(IEnumerable<string?> reasons) =>
        reasons.GroupBy(Normalise, StringComparer.Ordinal)
            .Select(g => new ReasonCount(g.Key, g.Count()))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
}
