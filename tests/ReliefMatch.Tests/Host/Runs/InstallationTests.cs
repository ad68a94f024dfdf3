using ReliefMatch.Host.Runs;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Runs;

public sealed class InstallationTests
{
    [Fact]
    public void Write_ThenRead_TheSameCounty()
    {
        var home = TempFolder.Create("installation");
        try
        {
            new Installation("450312", "临桂区").Write(home);

            var read = Installation.Read(home);

            Assert.Equal(new Installation("450312", "临桂区"), read);
            Assert.Contains("\"临桂区\"", File.ReadAllText(Path.Combine(home, Installation.FileName)), StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Delete(home);
        }
    }

    [Fact]
    public void Read_FolderWithoutCounty_Null()
    {
        var home = TempFolder.Create("installation");
        try
        {
            Assert.Null(Installation.Read(home));
        }
        finally
        {
            TempFolder.Delete(home);
        }
    }

    [Theory]
    [InlineData("{\"county\": \"45032\", \"name\": \"永福县\"}", "45032")]
    [InlineData("{\"county\": \"450326\"}", "缺少名称")]
    [InlineData("450326 永福县", "not a county file")]
    public void Read_MalformedFile_ThrowsNamingTheFileAndTheFault(string text, string expected)
    {
        var home = TempFolder.Create("installation");
        try
        {
            File.WriteAllText(Path.Combine(home, Installation.FileName), text);

            var error = Assert.Throws<InstallationException>(() => Installation.Read(home));

            Assert.Contains(Path.Combine(home, Installation.FileName), error.Message, StringComparison.Ordinal);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Delete(home);
        }
    }

    [Fact]
    public void OfSample_IsTheCountyTheCommittedSampleDataCarries() =>
        Assert.Equal(Installation.OfSample, Installation.Read(Path.Combine(RepositoryRoot.Path, "sample-data")));
}
