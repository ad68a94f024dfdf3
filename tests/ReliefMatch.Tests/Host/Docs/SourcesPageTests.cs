using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sources;
using ReliefMatch.Host.Docs;
using ReliefMatch.Tests.Core.Sources;

namespace ReliefMatch.Tests.Host.Docs;

public sealed class SourcesPageTests
{
    /// <summary>The loader tests' cremation records, kept latest by key, with a code list of its own, a field read but not stored and a filter.</summary>
    private static readonly string Cremation =
        SourceDeclarationLoaderTests.Cremation.Replace("policy: history", "policy: latest\nkey: [id_number, cremated_on]", StringComparison.Ordinal) + """

          - name: kind
            type: code
            codes: [遗体火化, 骨灰寄存]
            headers: [业务类型|类别]
          - name: hall
            type: text
            store: false
            headers: [殡仪馆]
        filters:
          - field: kind
            keep: [遗体火化]
            when_absent: skip
            otherwise: skip
        """;

    private const string Page = """
        # Sources

        ### `police-deaths` — hand-written heading

        <!-- generated from rules/sources/police-deaths.yaml (reliefmatch docs): edit the declaration, not this table -->
        stale text
        <!-- end of generated table -->

        Prose about police files, kept.

        <!-- generated from rules/sources/*.yaml (reliefmatch docs): the declared sources without a section above -->
        <!-- end of generated sources -->

        ## After
        """;

    private static SourceCatalog WithCremation() =>
        SourceCatalog.Load([.. SourceDeclarationLoaderTests.ShippedFiles().Where(f => f.Name == "police-deaths.yaml"), new RuleFile("cremation.yaml", Cremation)]);

    [Fact]
    public void Rewrite_ShippedDocsSourcesPage_IsWhatTheDeclarationsGenerate()
    {
        var path = Path.Combine(RepositoryRoot.Path, "docs", "sources.md");
        var page = File.ReadAllText(path);

        var generated = SourcesPage.Rewrite(page, "docs/sources.md", SourceCatalog.Load(SourceDeclarationLoaderTests.ShippedFiles()));

        // When this fails, run `reliefmatch docs --sources docs/sources.md` and commit the page.
        Assert.Equal(page, generated);
    }

    [Fact]
    public void Rewrite_EveryShippedSource_HasATableOfAllItsFieldsAndHeaders()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "sources.md"));

        foreach (var source in SourceCatalog.Shipped.Sources)
        {
            Assert.Contains(SourcesPage.TableMarker(source.Id), page, StringComparison.Ordinal);
            foreach (var field in source.Fields)
            {
                Assert.Contains($"| {field.Name} | ", page, StringComparison.Ordinal);
                Assert.All(field.Headers, h => Assert.Contains($"`{h}`", page, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Rewrite_StaleBlock_ReplacedAndProseKept()
    {
        var page = SourcesPage.Rewrite(Page, "sources.md", WithCremation());

        Assert.DoesNotContain("stale text", page, StringComparison.Ordinal);
        Contains(page,
            "Prose about police files, kept.",
            "| death_date | date | no | `死亡日期` |",
            "| address | text, read but not stored | no | `户籍地址`, `住址` |",
            "- A file must have a column of `death_date` or `cancelled_on`.",
            "- A row whose cancel_reason is none of `死亡` is stored but is evidence for no rule; in a file without the column every row passes.",
            "A **history**:");
        Assert.EndsWith("## After", page, StringComparison.Ordinal);
        Assert.Equal(page, SourcesPage.Rewrite(page, "sources.md", WithCremation()));
    }

    [Fact]
    public void Rewrite_DeclarationWithoutASection_GetsOneAmongTheFurtherSources()
    {
        var page = SourcesPage.Rewrite(Page, "sources.md", WithCremation());

        Contains(page,
            "### `cremation` — 民政 民政殡葬火化记录 (cremation records)",
            "The **latest** by `id_number`, `cremated_on`:",
            "| kind | code: `遗体火化` / `骨灰寄存` | no | `业务类型\\|类别` |",
            "- A row whose kind is none of `遗体火化` is skipped (counted in the import report, not stored); in a file without the column no row passes.");
        Assert.True(page.IndexOf("### `cremation`", StringComparison.Ordinal) < page.IndexOf("## After", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("police-deaths.yaml", "payments.yaml", "sources.md line 5: a generated table of source 'payments', which no declaration declares")]
    [InlineData("<!-- end of generated table -->", "", "sources.md line 5: the generated block is not closed")]
    [InlineData("<!-- end of generated sources -->", "", "sources.md line 11: the generated block is not closed")]
    [InlineData("<!-- generated from rules/sources/*.yaml (reliefmatch docs): the declared sources without a section above -->", "", "no block for the declared sources without a table (cremation)")]
    public void Rewrite_BrokenPage_RefusedNamingWhere(string find, string replacement, string expected)
    {
        var page = Page.Replace(find, replacement, StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => SourcesPage.Rewrite(page, "sources.md", WithCremation()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static void Contains(string page, params string[] expected) =>
        Assert.All(expected, e => Assert.Contains(e, page, StringComparison.Ordinal));
}
