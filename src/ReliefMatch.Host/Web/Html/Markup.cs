namespace ReliefMatch.Host.Web.Html;

/// <summary>
/// Text that is already HTML. Only <see cref="HtmlText"/> makes one from data (encoding it); a page puts
/// together pieces of <see cref="Markup"/>, so a name or a file name from an extract can never become markup.
/// </summary>
public readonly record struct Markup(string Value)
{
    public static Markup Empty { get; } = new("");

    public override string ToString() => Value ?? "";
}
