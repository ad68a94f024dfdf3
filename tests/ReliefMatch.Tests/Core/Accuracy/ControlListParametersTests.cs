using ReliefMatch.Core.Accuracy;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Runs;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Core.Accuracy;

public sealed class ControlListParametersTests
{
    [Fact]
    public void Load_ShippedFile_TwentyPerTownship_AndTheRuleFolderCarriesIt()
    {
        var path = Path.Combine(RepositoryRoot.Path, "rules", ControlListParameters.Folder, ControlListParameters.FileName);

        Assert.Equal(new ControlListParameters(20), ControlListParameters.Load(new RuleFile(ControlListParameters.FileName, File.ReadAllText(path))));
        Assert.Equal(20, RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules")).ControlList.PerTownship);
    }

    [Theory]
    [InlineData("per_township: 0\n", "control-list.yaml, line 1, column 15: 'per_township' must be a whole number of people, at least 1 (at most 500), found '0'.")]
    [InlineData("per_township: 20\nper_month: 3\n", "control-list.yaml, line 2, column 1: unknown setting 'per_month'; expected one of: per_township.")]
    public void Load_BadValue_NamesFileLineAndWhatWasExpected(string text, string message)
    {
        var e = Assert.Throws<RuleFileException>(() => ControlListParameters.Load(new RuleFile("control-list.yaml", text)));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void RuleFolder_WithoutTheFile_TheDefault()
    {
        var folder = TempFolder.Create("rules-without-settings");
        try
        {
            File.Copy(Path.Combine(RepositoryRoot.Path, "rules", "deceased-recipient.yaml"), Path.Combine(folder, "deceased-recipient.yaml"));
            Assert.Equal(ControlListParameters.Default, RuleFolder.Load(folder).ControlList);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
