using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Tests.Core.Sources;

public class SourceDeclarationLoaderTests
{
    internal const string Cremation = """
        # 民政 殡葬 火化记录
        id: cremation
        names:
          zh: 民政殡葬火化记录
          en: cremation records
        department: 民政
        policy: history
        identity: [id_number, name]
        fields:
          - name: name
            type: name
            required: true
            headers: [姓名, 逝者姓名]
          - name: id_number
            type: resident-id
            required: true
            headers: [身份证号]
          - name: cremated_on
            type: date
            required: true
            headers: [火化日期]
        """;

    private static RuleFileException Fails(string text, string file = "cremation.yaml") =>
        Assert.Throws<RuleFileException>(() => SourceDeclarationLoader.Load(new RuleFile(file, text)));

    internal static IEnumerable<RuleFile> ShippedFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "rules", "sources"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(p => new RuleFile(Path.GetFileName(p), File.ReadAllText(p)));

    [Fact]
    public void Shipped_EverySourceKind_IsDeclaredByTheFileOfItsId()
    {
        var fromFolder = SourceCatalog.Load(ShippedFiles());
        Assert.Equal(SourceKinds.All.Select(k => k.Id()).Concat(PlanSourceDeclarationTests.PlanSources).Order(StringComparer.Ordinal), fromFolder.Sources.Select(s => s.Id));
        Assert.Equal(fromFolder.Sources.Select(s => s.Id), SourceCatalog.Shipped.Sources.Select(s => s.Id));
        foreach (var kind in SourceKinds.All)
        {
            var declaration = kind.Declaration();
            Assert.Equal(kind.Id() + ".yaml", declaration.File);
            Assert.Equal(fromFolder.Find(kind.Id())!.Fields.Select(f => f.Name), declaration.Fields.Select(f => f.Name));
        }
    }

    [Fact]
    public void Shipped_Policies_AreTheContracts()
    {
        Assert.Equal(SourcePolicy.Snapshot, SourceKind.Roster.Declaration().Policy);
        Assert.Equal(SourcePolicy.Snapshot, SourceKind.Monitoring.Declaration().Policy);
        Assert.Equal(SourcePolicy.History, SourceKind.PoliceDeaths.Declaration().Policy);
        Assert.Equal(SourcePolicy.History, SourceKind.HealthDeaths.Declaration().Policy);
        Assert.Equal(SourcePolicy.History, SourceKind.Medical.Declaration().Policy);
        Assert.Equal(SourcePolicy.Latest, SourceKind.Disability.Declaration().Policy);
        Assert.Equal(["id_number"], SourceKind.Disability.Declaration().Key);
        Assert.True(SourceKind.Roster.IsSnapshot());
        Assert.False(SourceKind.Medical.IsSnapshot());
        Assert.Equal("公安户籍注销", SourceKind.PoliceDeaths.ChineseName());
    }

    [Fact]
    public void Shipped_PoliceFilter_KeepsDeathsAndFilesWithoutAReason()
    {
        var filter = Assert.Single(SourceKind.PoliceDeaths.Declaration().Filters);
        Assert.Equal("cancel_reason", filter.Field);
        Assert.Equal(RowFilterEffect.KeepAsNonEvidence, filter.Otherwise);
        Assert.True(filter.Passes(" 死亡 ", columnPresent: true));
        Assert.False(filter.Passes("迁出", columnPresent: true));
        Assert.False(filter.Passes(null, columnPresent: true));
        Assert.True(filter.Passes(null, columnPresent: false));
    }

    [Fact]
    public void Shipped_HeaderRequirements_AreRequiredFieldsThenAlternatives()
    {
        Assert.Equal(
            [["name"], ["id_number"], ["death_date", "cancelled_on"]],
            SourceKind.PoliceDeaths.Declaration().HeaderRequirements.Select(r => r.ToArray()));
        Assert.Equal(
            [["name"], ["id_number", "certificate_no"], ["category", "certificate_no"], ["level", "certificate_no"]],
            SourceKind.Disability.Declaration().HeaderRequirements.Select(r => r.ToArray()));
    }

    [Fact]
    public void Load_NewSourceByAFileAlone_Loads()
    {
        var declaration = SourceDeclarationLoader.Load(new RuleFile("cremation.yaml", Cremation));
        Assert.Equal("cremation", declaration.Id);
        Assert.Equal("民政殡葬火化记录", declaration.ChineseName);
        Assert.Equal(SourcePolicy.History, declaration.Policy);
        Assert.Equal(["name", "id_number", "cremated_on"], declaration.Fields.Select(f => f.Name));
        Assert.Equal(FieldType.Date, declaration.Field("cremated_on")!.Type);
        Assert.Equal(["姓名", "逝者姓名"], declaration.Field("name")!.Headers);
        Assert.All(declaration.Fields, f => Assert.True(f.Required && f.Stored));
    }

    private static readonly string CremationWithDeathDate =
        Cremation.Replace("headers: [火化日期]", "meaning: death-date\n    headers: [火化日期]", StringComparison.Ordinal);

    [Fact]
    public void Load_MeaningDeathDateOnADateField_TheSourcesDeathDate()
    {
        var declaration = SourceDeclarationLoader.Load(new RuleFile("cremation.yaml", CremationWithDeathDate));
        Assert.Equal("cremated_on", declaration.DeathDate?.Name);
        Assert.Null(SourceDeclarationLoader.Load(new RuleFile("cremation.yaml", Cremation)).DeathDate);
    }

    [Theory]
    [InlineData("type: date\n    meaning: birth-date", "'meaning' of field 'cremated_on' must be one of death-date; found 'birth-date'")]
    [InlineData("type: text\n    meaning: death-date", "'meaning: death-date' belongs to a field of type date; 'cremated_on' is text")]
    public void Load_MeaningWrong_Refused(string replacement, string message)
    {
        var e = Fails(Cremation.Replace("type: date", replacement, StringComparison.Ordinal));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Installation_CountysOwnSource_AddedToTheShipped_ACopyOfAShippedFileAccepted()
    {
        var catalog = SourceCatalog.Installation([new RuleFile("cremation.yaml", Cremation), .. ShippedFiles()]);

        Assert.Equal(SourceCatalog.Shipped.Sources.Select(s => s.Id).Append("cremation").Order(StringComparer.Ordinal), catalog.Sources.Select(s => s.Id));
        Assert.Same(SourceKind.Medical.Declaration(), catalog.Find("medical"));
        Assert.Same(SourceCatalog.Shipped, SourceCatalog.Installation(ShippedFiles()));
    }

    [Fact]
    public void Installation_ChangedCopyOfAShippedFile_Refused()
    {
        var medical = ShippedFiles().Single(f => f.Name == "medical.yaml");
        var e = Assert.Throws<RuleFileException>(() => SourceCatalog.Installation([medical with { Text = medical.Text.Replace("[姓名, 参保人姓名]", "[姓名]", StringComparison.Ordinal) }]));
        Assert.Equal("medical.yaml", e.File);
        Assert.Contains("source 'medical' is shipped with the program and this file differs from the shipped one", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownType_NamesFileLineAndTypes()
    {
        var e = Fails(Cremation.Replace("type: date", "type: datum", StringComparison.Ordinal));
        Assert.Equal("cremation.yaml", e.File);
        Assert.Equal(19, e.Line);
        Assert.Contains("'type' of field 'cremated_on' must be one of resident-id, name, text, code, date, month, money, number, certificate-no; found 'datum'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileNotNamedAfterId_Refused()
    {
        var e = Fails(Cremation, "huohua.yaml");
        Assert.Equal(2, e.Line);
        Assert.Contains("must be in a file named cremation.yaml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HeaderForTwoFields_Refused()
    {
        var e = Fails(Cremation.Replace("headers: [身份证号]", "headers: [身份证号, 姓名]", StringComparison.Ordinal));
        Assert.Equal(17, e.Line);
        Assert.Contains("header '姓名' is listed for fields 'name' and 'id_number'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownProperty_Refused()
    {
        var e = Fails(Cremation.Replace("    required: true\n    headers: [火化日期]", "    requird: true\n    headers: [火化日期]", StringComparison.Ordinal));
        Assert.Equal(20, e.Line);
        Assert.Contains("unknown field property 'requird'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CodeWithoutCodeList_Refused()
    {
        var e = Fails(Cremation.Replace("type: date", "type: code", StringComparison.Ordinal));
        Assert.Contains("field 'cremated_on' of type code needs 'codes'", e.Message, StringComparison.Ordinal);
        var unknown = Fails(Cremation.Replace("type: date", "type: code\n    codes: colours", StringComparison.Ordinal));
        Assert.Equal(20, unknown.Line);
        Assert.Contains("unknown code list 'colours'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LatestWithoutKey_Refused()
    {
        var e = Fails(Cremation.Replace("policy: history", "policy: latest", StringComparison.Ordinal));
        Assert.Contains("missing 'key'", e.Message, StringComparison.Ordinal);
        var policy = Fails(Cremation.Replace("policy: history", "policy: monthly", StringComparison.Ordinal));
        Assert.Equal(7, policy.Line);
        Assert.Contains("'policy' must be one of snapshot, history, latest; found 'monthly'", policy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IdentityOrFilterOnUndeclaredField_Refused()
    {
        var identity = Fails(Cremation.Replace("identity: [id_number, name]", "identity: [id_number, full_name]", StringComparison.Ordinal));
        Assert.Equal(8, identity.Line);
        Assert.Contains("'identity' names 'full_name', which is not a declared field", identity.Message, StringComparison.Ordinal);
        var filter = Fails(Cremation + "\nfilters:\n  - field: reason\n    keep: [火化]\n    when_absent: keep\n");
        Assert.Contains("filter on 'reason', which is not a declared field", filter.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WithoutPersonName_Refused()
    {
        var e = Fails(Cremation.Replace("  - name: name\n    type: name", "  - name: name\n    type: text", StringComparison.Ordinal));
        Assert.Equal(8, e.Line);
        Assert.Contains("'identity' must list the person's name: a field of type name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PersonNameUnderAnotherFieldName_IsTheIdentitysNameField()
    {
        var declaration = SourceDeclarationLoader.Load(new RuleFile("cremation.yaml", Cremation
            .Replace("  - name: name\n", "  - name: deceased_name\n", StringComparison.Ordinal)
            .Replace("identity: [id_number, name]", "identity: [id_number, deceased_name]", StringComparison.Ordinal)));
        Assert.Equal("deceased_name", declaration.PersonName);
        Assert.Equal("name", SourceKind.Roster.Declaration().PersonName);
    }

    [Fact]
    public void Load_TwoNamesInIdentity_Refused()
    {
        var e = Fails(Cremation
            .Replace("identity: [id_number, name]", "identity: [id_number, name, family_name]", StringComparison.Ordinal)
            .Replace("fields:\n", "fields:\n  - name: family_name\n    type: name\n    headers: [家属姓名]\n", StringComparison.Ordinal));
        Assert.Equal(8, e.Line);
        Assert.Contains("'identity' lists 'name' and 'family_name', two fields of type name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FilterKeepingACodeList_KeepsItsSpellingsOnly()
    {
        var declaration = SourceDeclarationLoader.Load(new RuleFile("cremation.yaml", Cremation
            + "\n  - name: programme\n    type: text\n    headers: [救助类别]\nfilters:\n  - field: programme\n    keep_codes: programme\n    when_absent: keep\n"));
        var filter = Assert.Single(declaration.Filters);
        Assert.Equal("programme", filter.KeepCodeList);
        Assert.Empty(filter.Keep);
        Assert.True(filter.Passes(" 城镇低保 ", columnPresent: true));
        Assert.True(filter.Passes("特困人员救助供养", columnPresent: true));
        Assert.False(filter.Passes("耕地地力保护补贴", columnPresent: true));
        Assert.False(filter.Passes(null, columnPresent: true));
        Assert.True(filter.Passes(null, columnPresent: false));
    }

    [Theory]
    [InlineData("type: date", "'cremated_on' is date")]
    [InlineData("type: text\n    store: false", "'cremated_on' is store: false")]
    public void Load_KeepAsNonEvidenceFilterOnAFieldNotStoredAsRead_Refused(string field, string found)
    {
        var e = Fails(Cremation.Replace("type: date\n    required: true\n    headers: [火化日期]", field + "\n    headers: [火化日期]", StringComparison.Ordinal)
            + "\nfilters:\n  - field: cremated_on\n    keep: [2023-07-01]\n    when_absent: keep\n    otherwise: keep-as-non-evidence\n");
        Assert.Contains("a keep-as-non-evidence filter reads a stored text field", e.Message, StringComparison.Ordinal);
        Assert.Contains(found, e.Message, StringComparison.Ordinal);
        Assert.Contains("cremation.yaml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsEvidence_KeepAsNonEvidenceFilters_OnlyTheyDecide()
    {
        var declaration = SourceDeclarationLoader.Load(new RuleFile("cremation.yaml", Cremation
            + "\n  - name: state\n    type: text\n    headers: [状态]\n  - name: kind\n    type: text\n    headers: [类别]\nfilters:\n"
            + "  - field: state\n    keep: [已火化]\n    when_absent: skip\n    otherwise: keep-as-non-evidence\n"
            + "  - field: kind\n    keep: [遗体]\n    when_absent: keep\n    otherwise: skip\n"));
        bool Evidence(string? state, bool hasState = true) => declaration.IsEvidence(f => f == "state" ? state : "骨灰", f => f != "state" || hasState);

        Assert.True(Evidence("已火化"));
        Assert.False(Evidence("预约"));
        Assert.False(Evidence(null));
        Assert.False(Evidence(null, hasState: false));
    }

    [Fact]
    public void Load_FilterWithUnknownCodeListOrBothKinds_Refused()
    {
        var field = Cremation + "\n  - name: programme\n    type: text\n    headers: [救助类别]\nfilters:\n  - field: programme\n";
        var unknown = Fails(field + "    keep_codes: sex\n    when_absent: keep\n");
        Assert.Equal(27, unknown.Line);
        Assert.Contains("'keep_codes' must name a code list whose spellings are shipped (programme, enrolment-status", unknown.Message, StringComparison.Ordinal);
        var both = Fails(field + "    keep: [城市低保]\n    keep_codes: programme\n    when_absent: keep\n");
        Assert.Contains("either as 'keep' (a list of values) or as 'keep_codes'", both.Message, StringComparison.Ordinal);
        var neither = Fails(field + "    when_absent: keep\n");
        Assert.Contains("either as 'keep' (a list of values) or as 'keep_codes'", neither.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TwoFilesOfOneSource_Refused()
    {
        var e = Assert.Throws<RuleFileException>(() => SourceCatalog.Load([new RuleFile("cremation.yaml", Cremation), new RuleFile("cremation.yml", Cremation)]));
        Assert.Contains("already declared by cremation.yaml", e.Message, StringComparison.Ordinal);
    }
}
