using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;
using ReliefMatch.Readers;
using ReliefMatch.Readers.Rows;
using ReliefMatch.Tests.Readers;

namespace ReliefMatch.Tests.Readers.Rows;

/// <summary>Which builder reads a source's rows: every source with a record type has one of its own, new per file.</summary>
public sealed class RecordBuilderTests
{
    [Fact]
    public void For_EveryTypedSource_GivesItsOwnNewBuilder()
    {
        var builders = SourceKinds.All.Select(kind => RecordBuilder.For(kind, TestExtracts.Options)).ToList();
        Assert.Equal(SourceKinds.All.Count, builders.Select(b => b.GetType()).Distinct().Count());
        Assert.All(SourceKinds.All, kind => Assert.NotSame(RecordBuilder.For(kind, TestExtracts.Options), RecordBuilder.For(kind, TestExtracts.Options)));
    }

    [Fact]
    public void For_ADeclaredSource_GivesTheDeclarationsBuilder()
    {
        var declaration = SourceCatalog.Shipped.Find("payments")!;
        Assert.IsType<DeclaredRecordBuilder>(RecordBuilder.For(SourceRef.Of(declaration), declaration, TestExtracts.Options));
    }
}
