using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ReliefMatch.Host.Web.Html;

/// <summary>
/// Builds HTML from interpolated strings: every hole is HTML-encoded unless it is <see cref="Markup"/> (or a
/// sequence of it), so pages are written as plain templates and stay safe. Chinese is left as it is (not
/// turned into character references), which keeps pages small.
/// </summary>
public static class HtmlText
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Formats <paramref name="html"/>, encoding every hole that is not markup.</summary>
    public static Markup Of(FormattableString html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var args = html.GetArguments();
        var encoded = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            encoded[i] = args[i] switch
            {
                Markup m => m.Value,
                IEnumerable<Markup> many => string.Concat(many.Select(m => m.Value)),
                null => "",
                IFormattable f => Encode(f.ToString(null, CultureInfo.InvariantCulture)),
                var other => Encode(other.ToString() ?? ""),
            };
        }
        return new Markup(string.Format(CultureInfo.InvariantCulture, html.Format, encoded));
    }

    public static string Encode(string text) => Encoder.Encode(text);

    /// <summary>Joins pieces of markup.</summary>
    public static Markup Join(IEnumerable<Markup> parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            sb.Append(part.Value);
        }
        return new Markup(sb.ToString());
    }

    /// <summary>Markup written as a literal in code (never data).</summary>
    public static Markup Raw(string literal) => new(literal);
}
