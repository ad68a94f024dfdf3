using ReliefMatch.Core.Extracts;
using ReliefMatch.Readers;
using ReliefMatch.Readers.Headers;

namespace ReliefMatch.Tests.Readers;

/// <summary>Every header spelling of every field of every source (docs/sources.md, "Sources") is recognised.</summary>
public sealed partial class ExtractReaderTests
{
    public static TheoryData<SourceKind, string, string> EverySpelling()
    {
        var data = new TheoryData<SourceKind, string, string>();
        foreach (var layout in SourceLayout.All)
        {
            foreach (var (field, spellings) in layout.Fields)
            {
                foreach (var spelling in spellings)
                {
                    data.Add(layout.Source.Kind!.Value, field.Id(), spelling);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EverySpelling))]
    public void Open_EachHeaderSpelling_FieldFoundInItsColumn(SourceKind source, string fieldId, string spelling) =>
        AssertSpellingRecognised(source, fieldId, spelling, spelling);

    [Theory]
    [MemberData(nameof(EverySpelling))]
    public void Open_EachHeaderSpellingDecorated_FieldFoundInItsColumn(SourceKind source, string fieldId, string spelling)
    {
        // Spaces around, full-width parentheses, a line break inside, and a money unit on amounts.
        var decorated = spelling.Replace('(', '（').Replace(')', '）');
        decorated = decorated.Length > 1 ? decorated[..1] + "\n" + decorated[1..] : decorated;
        if (fieldId is "total" or "basic_paid" or "critical_paid" or "assistance_paid" or "out_of_pocket" or "monthly_amount" or "income_per_capita")
        {
            decorated += "（元）";
        }
        AssertSpellingRecognised(source, fieldId, spelling, $"  {decorated}\u3000");
    }

    [Fact]
    public void EverySpelling_CoversTheContract() =>
        // 19 roster + 9 police + 8 health + 9 disability + 10 medical + 11 monitoring fields.
        Assert.Equal(19 + 9 + 8 + 9 + 10 + 11, SourceLayout.All.Sum(l => l.Fields.Count));

    private void AssertSpellingRecognised(SourceKind source, string fieldId, string spelling, string headerCell)
    {
        var layout = SourceLayout.For(source);
        var field = layout.Fields.Keys.Single(f => f.Id() == fieldId);
        // The other requirements, each by its first field's first spelling; the field under test last.
        var headers = layout.Requirements
            .Select(alternatives => alternatives[0])
            .Where(f => f != field)
            .Select(f => layout.Fields[f][0])
            .Append(headerCell)
            .Select(h => h.Contains('\n') ? $"\"{h}\"" : h);
        var path = files.Csv("标题：" + spelling, string.Join(",", headers));
        using var reading = ExtractReader.Open(path, source, TestExtracts.Options);
        var column = reading.Columns[field];
        Assert.True(column >= 0, $"{source.Id()}: {spelling} not recognised as {fieldId}");
        Assert.Equal(reading.Headers.Count - 1, column);
        Assert.Equal(2, reading.HeaderRow);
    }
}
