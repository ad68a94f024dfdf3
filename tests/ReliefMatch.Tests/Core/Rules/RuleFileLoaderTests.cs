using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sources;
using ReliefMatch.Tests.Core.Matching;

namespace ReliefMatch.Tests.Core.Rules;

public class RuleFileLoaderTests
{
    private const string Medical = """
        id: low-income-medical
        version: 1
        title: 低收入人口大额医疗支出
        kind: low-income-medical
        data_warning: true
        due_days: 30
        action: 入户排查
        parameters:
          threshold: 20000.00
          window_months: 12
        """;

    private static RuleFileException Fails(string text, string file = "test.yaml") =>
        Assert.Throws<RuleFileException>(() => RuleFileLoader.Load(new RuleFile(file, text)));

    [Fact]
    public void Load_EveryShippedFile_Loads()
    {
        var files = ShippedRules.Files().ToList();
        Assert.True(files.Count >= 9);
        foreach (var file in files)
        {
            var rule = RuleFileLoader.Load(file);
            Assert.Equal(Path.GetFileNameWithoutExtension(file.Name), rule.Id);
            Assert.True(rule.Enabled);
            Assert.NotEmpty(rule.Title);
            Assert.NotEmpty(rule.Action);
            Assert.True(rule.DueDays > 0);
        }
    }

    [Fact]
    public void Load_ShippedRules_HaveTheMeaningOfRulesMd()
    {
        // The rules of docs/rules.md: each fixed kind under its own name, the general kinds under the names of their
        // rules (more rules of a kind may be added as files). 数据预警 is the cross-checks of people already assisted; the
        // low-income rules and the tags are 标记 of the sheet's fourth column, the other checks count in neither.
        var set = ShippedRules.Set;
        var general = new Dictionary<string, RuleKind>
        {
            ["recipient-vehicle"] = RuleKind.RecordHeld,
            ["recipient-property"] = RuleKind.RecordHeld,
            ["recipient-business"] = RuleKind.RecordHeld,
            ["recipient-income"] = RuleKind.AmountOverWindow,
            ["enrolled-not-paid"] = RuleKind.EnrolledWithoutRecord,
            ["shared-account"] = RuleKind.ValueShared,
            ["tag-poor-graduate"] = RuleKind.RecordHeld,
            ["tag-housing-aid"] = RuleKind.RecordHeld,
            ["tag-relocated"] = RuleKind.RecordHeld,
        };
        string[] warning = ["deceased-recipient", "duplicate-enrolment", "dibao-tekun-overlap",
            "recipient-vehicle", "recipient-property", "recipient-business", "recipient-income"];
        foreach (var kind in RuleKinds.All.Except(general.Values))
        {
            var rule = set.Find(kind.Id());
            Assert.NotNull(rule);
            Assert.Equal(kind, rule.Kind);
        }
        foreach (var (id, kind) in general)
        {
            Assert.Equal(kind, set.Find(id)?.Kind);
        }
        Assert.Equal(24, set.Rules.Count);
        foreach (var rule in set.Rules)
        {
            Assert.True(warning.Contains(rule.Id) == rule.DataWarning, rule.Id);
        }

        var medical = Assert.IsType<MedicalCostParameters>(set.Find("low-income-medical")!.Parameters);
        Assert.Equal(20000m, medical.Threshold);
        Assert.Equal(12, medical.WindowMonths);
        var disability = Assert.IsType<SevereDisabilityParameters>(set.Find("low-income-severe-disability")!.Parameters);
        Assert.Equal([1, 2], disability.Levels);
        Assert.Equal([DisabilityCategory.Intellectual, DisabilityCategory.Mental], disability.Level3Categories);
        Assert.Equal(6, Assert.IsType<RecheckIntervalParameters>(set.Find("economic-check-overdue")!.Parameters).IntervalMonths);
        Assert.Equal(6, Assert.IsType<RecheckIntervalParameters>(set.Find("home-visit-overdue")!.Parameters).IntervalMonths);
        Assert.Equal(["police-deaths", "health-deaths"], Assert.IsType<DeathEvidenceParameters>(set.Find("deceased-recipient")!.Parameters).DeathSources);
        Assert.Equal(5, Assert.IsType<RecordSourcesParameters>(set.Find("id-name-mismatch")!.Parameters).Sources.Count);
        Assert.IsType<NoParameters>(set.Find("invalid-roster-id")!.Parameters);

        var property = Assert.IsType<RecordHeldParameters>(set.Find("recipient-property")!.Parameters);
        Assert.Equal(("property", FindingUnit.Household, "location", 1), (property.Source, property.Per, property.FlagWhen[0].DistinctBy, property.FlagWhen[0].MoreThan));
        var income = Assert.IsType<AmountOverWindowParameters>(set.Find("recipient-income")!.Parameters);
        Assert.Equal((800m, 450m, 12), (income.Standards[Programme.UrbanDibao], income.Standards[Programme.RuralDibao], income.WindowMonths));
        Assert.Equal(1m, Assert.IsType<ToleranceParameters>(set.Find("amount-mismatch")!.Parameters).Tolerance);
        Assert.Equal(30, Assert.IsType<VisitDaysParameters>(set.Find("application-not-visited")!.Parameters).VisitDays);
    }

    [Fact]
    public void Load_ReadmeExample_IsAShippedFile()
    {
        var readme = File.ReadAllText(Path.Combine(ShippedRules.Folder, "README.md"));
        var start = readme.IndexOf("```yaml\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no yaml example");
        start += "```yaml\n".Length;
        var example = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        Assert.Contains(ShippedRules.Files(), f => f.Text.ReplaceLineEndings("\n") == example.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Load_ValidFile_ReadsEveryField()
    {
        var rule = RuleFileLoader.Load(new RuleFile("m.yaml", Medical + "\nenabled: false\n"));
        Assert.Equal("low-income-medical", rule.Id);
        Assert.Equal(1, rule.Version);
        Assert.Equal("低收入人口大额医疗支出", rule.Title);
        Assert.Equal(RuleKind.LowIncomeMedical, rule.Kind);
        Assert.True(rule.DataWarning);
        Assert.Equal(30, rule.DueDays);
        Assert.Equal("入户排查", rule.Action);
        Assert.False(rule.Enabled);
        Assert.Equal("m.yaml", rule.File);
        Assert.Equal(new MedicalCostParameters(20000m, 12), rule.Parameters);
    }

    [Fact]
    public void Load_UnknownField_NamesFileLineAndExpectedFields()
    {
        var e = Fails(Medical.Replace("due_days: 30", "due_days: 30\ndue_day: 15", StringComparison.Ordinal), "rules/x.yaml");
        Assert.Equal("rules/x.yaml", e.File);
        Assert.Equal(7, e.Line);
        Assert.Contains("unknown field 'due_day'", e.Message, StringComparison.Ordinal);
        Assert.Contains("due_days", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("rules/x.yaml, line 7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownParameter_NamesLine()
    {
        var e = Fails(Medical.Replace("window_months: 12", "window_months: 12\n  treshold: 5", StringComparison.Ordinal));
        Assert.Equal(11, e.Line);
        Assert.Contains("treshold", e.Message, StringComparison.Ordinal);
        Assert.Contains("threshold, window_months", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingParameter_NamesTheParametersLine()
    {
        var e = Fails(Medical.Replace("  threshold: 20000.00\n", "", StringComparison.Ordinal));
        Assert.Equal(9, e.Line); // the mapping under parameters: starts on the line of window_months
        Assert.Contains("missing 'threshold'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingParametersBlock_Fails()
    {
        var e = Fails(Medical[..Medical.IndexOf("parameters:", StringComparison.Ordinal)]);
        Assert.Equal(1, e.Line);
        Assert.Contains("missing 'parameters'", e.Message, StringComparison.Ordinal);
        Assert.Contains("threshold", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingField_Fails()
    {
        var e = Fails(Medical.Replace("due_days: 30\n", "", StringComparison.Ordinal));
        Assert.Contains("missing 'due_days'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version: 1", "version: one", 2, "'version' must be a whole number")]
    [InlineData("version: 1", "version: 1.5", 2, "'version' must be a whole number")]
    [InlineData("kind: low-income-medical", "kind: low-income-medicals", 4, "'kind' must be one of deceased-recipient")]
    [InlineData("data_warning: true", "data_warning: 是", 5, "'data_warning' must be true or false")]
    [InlineData("due_days: 30", "due_days: -1", 6, "'due_days' must be a whole number of days, 0 or more")]
    [InlineData("threshold: 20000.00", "threshold: -20000", 9, "'threshold' must be a positive amount")]
    [InlineData("threshold: 20000.00", "threshold: 0", 9, "'threshold' must be a positive amount")]
    [InlineData("threshold: 20000.00", "threshold: 2万", 9, "'threshold' must be a positive amount")]
    [InlineData("threshold: 20000.00", "threshold: 20000.001", 9, "at most 2 decimals")]
    [InlineData("threshold: 20000.00", "threshold: [20000]", 9, "'threshold' must be a positive amount")]
    [InlineData("window_months: 12", "window_months: 0", 10, "'window_months' must be a whole number of months")]
    [InlineData("title: 低收入人口大额医疗支出", "title: ", 3, "'title' must be a non-empty text")]
    [InlineData("id: low-income-medical", "id: Low_Income", 1, "'id' must be lower-case")]
    public void Load_BadValue_NamesLineAndExpectation(string field, string replacement, int line, string expected)
    {
        var e = Fails(Medical.Replace(field, replacement, StringComparison.Ordinal));
        Assert.Equal(line, e.Line);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownDisabilityCategory_NamesLineAndCategories()
    {
        var text = """
            id: severe
            version: 2
            title: 重度残疾
            kind: low-income-severe-disability
            data_warning: true
            due_days: 30
            action: 入户核实
            parameters:
              levels: [1, 2]
              level3_categories:
                - 智力
                - 精神病
            """;
        var e = Fails(text);
        Assert.Equal(12, e.Line);
        Assert.Contains("unknown disability category '精神病'", e.Message, StringComparison.Ordinal);
        Assert.Contains("智力", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("levels: [1, 2]", "levels: [1, 5]", "disability level 1, 2, 3 or 4")]
    [InlineData("levels: [1, 2]", "levels: 1", "'levels' must be a list")]
    [InlineData("level3_categories: [智力, 精神]", "level3_categories: [5]", "unknown disability category '5'")]
    public void Load_BadSevereDisabilityParameter_Fails(string field, string replacement, string expected)
    {
        var text = ShippedRules.Files().Single(f => f.Name == "low-income-severe-disability.yaml").Text;
        Assert.Contains(field, text, StringComparison.Ordinal);
        var e = Fails(text.Replace(field, replacement, StringComparison.Ordinal));
        Assert.True(e.Line > 0);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("death_sources: [police-deaths, health-deaths]", "death_sources: [police-deaths, medical]", "'death_sources' may list police-deaths, health-deaths; found 'medical'")]
    [InlineData("death_sources: [police-deaths, health-deaths]", "death_sources: []", "must list at least one")]
    [InlineData("death_sources: [police-deaths, health-deaths]", "death_sources: [police-deaths, police-deaths]", "twice")]
    public void Load_BadDeathSources_Fails(string field, string replacement, string expected)
    {
        var text = ShippedRules.Files().Single(f => f.Name == "deceased-recipient.yaml").Text;
        var e = Fails(text.Replace(field, replacement, StringComparison.Ordinal));
        Assert.Equal(10, e.Line);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ParameterOnKindWithout_Fails()
    {
        var text = ShippedRules.Files().Single(f => f.Name == "invalid-roster-id.yaml").Text + "parameters:\n  interval_months: 6\n";
        var e = Fails(text);
        Assert.Contains("unknown parameter (kind invalid-roster-id takes none) 'interval_months'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotYaml_NamesLine()
    {
        var e = Fails("id: a\nversion: [1\ntitle: x\n");
        Assert.Equal(2, e.Line);
        Assert.Contains("not valid YAML", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateKey_Fails()
    {
        var e = Fails(Medical + "\nversion: 2\n");
        Assert.True(e.Line > 0);
    }

    [Fact]
    public void Load_NotAMapping_Fails()
    {
        var e = Fails("- id: a\n");
        Assert.Equal(1, e.Line);
        Assert.Contains("expected a mapping", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSetLoad_SameIdTwice_NamesBothFiles()
    {
        var e = Assert.Throws<RuleFileException>(() => RuleSet.Load([new RuleFile("a.yaml", Medical), new RuleFile("b.yaml", Medical)]));
        Assert.Equal("b.yaml", e.File);
        Assert.Contains("a.yaml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSetLoad_SecondRuleOfAKind_IsAFileOnly()
    {
        var second = Medical.Replace("id: low-income-medical", "id: low-income-medical-50000", StringComparison.Ordinal)
            .Replace("20000.00", "50000", StringComparison.Ordinal);
        var set = RuleSet.Load(ShippedRules.Files().Append(new RuleFile("low-income-medical-50000.yaml", second)));
        Assert.Equal(ShippedRules.Files().Count() + 1, set.Rules.Count);
        Assert.Equal(50000m, ((MedicalCostParameters)set.Find("low-income-medical-50000")!.Parameters).Threshold);
    }

    private const string Deceased = """
        id: deceased-recipient
        version: 1
        title: 死亡人员仍在享受救助
        kind: deceased-recipient
        data_warning: true
        due_days: 15
        action: 核实死亡事实。
        parameters:
          death_sources: [police-deaths, cremation]
        """;

    private static SourceCatalog WithCremation(bool deathDate) => SourceCatalog.Installation([new RuleFile("cremation.yaml", $$"""
        id: cremation
        names: {zh: 火化记录, en: cremation records}
        department: 民政
        policy: history
        identity: [name]
        fields:
          - {name: name, type: name, required: true, headers: [姓名]}
          - {name: cremated_on, type: date, required: true, headers: [火化日期]{{(deathDate ? ", meaning: death-date" : "")}}}
        """)]);

    [Fact]
    public void Load_DeathSourcesNameADeclaredDeathSource_Kept()
    {
        var rule = RuleFileLoader.Load(new RuleFile("deceased-recipient.yaml", Deceased), WithCremation(deathDate: true));

        var parameters = Assert.IsType<DeathEvidenceParameters>(rule.Parameters);
        Assert.Equal(["police-deaths", "cremation"], parameters.DeathSources);
        Assert.True(parameters.Uses(SourceRef.Of("cremation", WithCremation(deathDate: true))));
        Assert.False(parameters.Uses(SourceKind.HealthDeaths));
    }

    [Fact]
    public void Load_DeathSourcesNameASourceWithoutDeathDate_Refused()
    {
        var e = Assert.Throws<RuleFileException>(() => RuleFileLoader.Load(new RuleFile("deceased-recipient.yaml", Deceased), WithCremation(deathDate: false)));
        Assert.Contains("'death_sources' may list police-deaths, health-deaths; found 'cremation'", e.Message, StringComparison.Ordinal);
    }
}
