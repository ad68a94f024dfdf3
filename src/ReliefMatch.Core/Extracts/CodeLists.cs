namespace ReliefMatch.Core.Extracts;

/// <summary>救助类别, canonical values of docs/sources.md.</summary>
public enum Programme
{
    UrbanDibao = 1,
    RuralDibao,
    Tekun,
    Edge,
    Expenditure,
}

/// <summary>保障状态. A person is enrolled while active or phasing out.</summary>
public enum EnrolmentStatus
{
    Active = 1,
    PhasingOut,
    Stopped,
}

public enum SupportMode
{
    Centralised = 1,
    Dispersed,
}

public enum WorkAbility
{
    Able = 1,
    PartlyAble,
    Unable,
}

public enum DisabilityCategory
{
    Visual = 1,
    Hearing,
    Speech,
    Physical,
    Intellectual,
    Mental,
    Multiple,
}

/// <summary>
/// The spellings that occur in extracts, mapped to canonical values. Matching is ordinal on the trimmed text.
/// </summary>
public static class CodeLists
{
    private static readonly Dictionary<string, Programme> Programmes = new(StringComparer.Ordinal)
    {
        ["城市低保"] = Programme.UrbanDibao, ["城镇低保"] = Programme.UrbanDibao, ["城市最低生活保障"] = Programme.UrbanDibao,
        ["农村低保"] = Programme.RuralDibao, ["农村最低生活保障"] = Programme.RuralDibao,
        ["特困供养"] = Programme.Tekun, ["特困人员"] = Programme.Tekun, ["特困"] = Programme.Tekun, ["特困人员救助供养"] = Programme.Tekun,
        ["低保边缘"] = Programme.Edge, ["低保边缘家庭"] = Programme.Edge, ["低边"] = Programme.Edge,
        ["支出型困难"] = Programme.Expenditure, ["支出型困难家庭"] = Programme.Expenditure, ["刚性支出困难家庭"] = Programme.Expenditure,
        ["urban-dibao"] = Programme.UrbanDibao, ["rural-dibao"] = Programme.RuralDibao, ["tekun"] = Programme.Tekun,
        ["edge"] = Programme.Edge, ["expenditure"] = Programme.Expenditure,
    };

    private static readonly Dictionary<string, EnrolmentStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["在保"] = EnrolmentStatus.Active, ["正常"] = EnrolmentStatus.Active, ["在享"] = EnrolmentStatus.Active, ["享受中"] = EnrolmentStatus.Active,
        ["渐退"] = EnrolmentStatus.PhasingOut, ["渐退期"] = EnrolmentStatus.PhasingOut,
        ["停保"] = EnrolmentStatus.Stopped, ["已停保"] = EnrolmentStatus.Stopped, ["终止"] = EnrolmentStatus.Stopped, ["退出"] = EnrolmentStatus.Stopped,
        ["active"] = EnrolmentStatus.Active, ["phasing-out"] = EnrolmentStatus.PhasingOut, ["stopped"] = EnrolmentStatus.Stopped,
    };

    private static readonly Dictionary<string, DisabilityCategory> Categories = new(StringComparer.Ordinal)
    {
        ["视力"] = DisabilityCategory.Visual, ["听力"] = DisabilityCategory.Hearing, ["言语"] = DisabilityCategory.Speech,
        ["肢体"] = DisabilityCategory.Physical, ["智力"] = DisabilityCategory.Intellectual, ["精神"] = DisabilityCategory.Mental,
        ["多重"] = DisabilityCategory.Multiple,
        ["视力残疾"] = DisabilityCategory.Visual, ["听力残疾"] = DisabilityCategory.Hearing, ["言语残疾"] = DisabilityCategory.Speech,
        ["肢体残疾"] = DisabilityCategory.Physical, ["智力残疾"] = DisabilityCategory.Intellectual, ["精神残疾"] = DisabilityCategory.Mental,
        ["多重残疾"] = DisabilityCategory.Multiple,
        ["1"] = DisabilityCategory.Visual, ["2"] = DisabilityCategory.Hearing, ["3"] = DisabilityCategory.Speech,
        ["4"] = DisabilityCategory.Physical, ["5"] = DisabilityCategory.Intellectual, ["6"] = DisabilityCategory.Mental,
        ["7"] = DisabilityCategory.Multiple,
    };

    public static bool TryProgramme(string text, out Programme value) => Programmes.TryGetValue(text.Trim(), out value);

    public static bool TryStatus(string text, out EnrolmentStatus value) => Statuses.TryGetValue(text.Trim(), out value);

    public static bool TryDisabilityCategory(string text, out DisabilityCategory value) => Categories.TryGetValue(text.Trim(), out value);

    /// <summary><c>一级</c>…<c>四级</c>, <c>1级</c>…<c>4级</c>, or 1–4.</summary>
    public static bool TryDisabilityLevel(string text, out int level)
    {
        var t = text.Trim();
        if (t.EndsWith('级'))
        {
            t = t[..^1];
        }
        level = t switch
        {
            "一" or "1" or "１" => 1,
            "二" or "2" or "２" => 2,
            "三" or "3" or "３" => 3,
            "四" or "4" or "４" => 4,
            _ => 0,
        };
        return level != 0;
    }

    public static bool TrySupportMode(string text, out SupportMode value)
    {
        value = text.Trim() switch
        {
            "集中供养" or "集中" => SupportMode.Centralised,
            "分散供养" or "分散" => SupportMode.Dispersed,
            _ => 0,
        };
        return value != 0;
    }

    public static bool TryWorkAbility(string text, out WorkAbility value)
    {
        value = text.Trim() switch
        {
            "有劳动能力" or "有" => WorkAbility.Able,
            "丧失部分劳动能力" or "部分丧失劳动能力" or "部分劳动能力" => WorkAbility.PartlyAble,
            "无劳动能力" or "丧失劳动能力" or "完全丧失劳动能力" or "无" => WorkAbility.Unable,
            _ => 0,
        };
        return value != 0;
    }

    /// <summary><c>是</c>/<c>否</c> (and the common Y/N spellings).</summary>
    public static bool TryYesNo(string text, out bool value)
    {
        switch (text.Trim())
        {
            case "是" or "Y" or "y" or "yes" or "true" or "1":
                value = true;
                return true;
            case "否" or "N" or "n" or "no" or "false" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>
    /// The shipped code lists whose spellings this class knows, by the names source declarations use for them (a
    /// row filter may keep the rows whose cell is a spelling of one: a payment file's 补贴项目 outside the roster's
    /// 救助类别 is no assistance payment).
    /// </summary>
    public static IReadOnlyList<string> Known { get; } =
        ["programme", "enrolment-status", "support-mode", "work-ability", "yes-no", "disability-category", "disability-level"];

    /// <summary>Whether <paramref name="text"/> (trimmed) is a spelling of the code list named <paramref name="list"/> (one of <see cref="Known"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="list"/> is not one of <see cref="Known"/>.</exception>
    public static bool IsSpelling(string list, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return list switch
        {
            "programme" => TryProgramme(text, out _),
            "enrolment-status" => TryStatus(text, out _),
            "support-mode" => TrySupportMode(text, out _),
            "work-ability" => TryWorkAbility(text, out _),
            "yes-no" => TryYesNo(text, out _),
            "disability-category" => TryDisabilityCategory(text, out _),
            "disability-level" => TryDisabilityLevel(text, out _),
            _ => throw new ArgumentException($"No code list named {list} is known here.", nameof(list)),
        };
    }

    /// <summary>
    /// The canonical value of <paramref name="text"/> in the code list called <paramref name="list"/> (a name of
    /// <c>SourceDeclarationLoader.CodeListNames</c>), as a declared source's <c>code</c> field stores it (sex, read by the readers' own parser, is <c>male</c>/<c>female</c>): programme
    /// <c>urban-dibao</c>…, status <c>active</c>…, support mode <c>centralised</c>…, work ability <c>able</c>…,
    /// <c>yes</c>/<c>no</c>, disability category <c>visual</c>…, level <c>1</c>…<c>4</c>.
    /// </summary>
    public static bool TryCanonical(string list, string text, out string canonical)
    {
        canonical = list switch
        {
            "programme" => TryProgramme(text, out var p) ? p.Id() : "",
            "enrolment-status" => TryStatus(text, out var s) ? Rules.Spelling.Kebab(s.ToString()) : "",
            "support-mode" => TrySupportMode(text, out var m) ? Rules.Spelling.Kebab(m.ToString()) : "",
            "work-ability" => TryWorkAbility(text, out var w) ? Rules.Spelling.Kebab(w.ToString()) : "",
            "yes-no" => TryYesNo(text, out var y) ? y ? "yes" : "no" : "",
            "disability-category" => TryDisabilityCategory(text, out var c) ? Rules.Spelling.Kebab(c.ToString()) : "",
            "disability-level" => TryDisabilityLevel(text, out var l) ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            _ => throw new ArgumentException($"No code list '{list}'.", nameof(list)),
        };
        return canonical.Length > 0;
    }

    public static bool IsDibao(this Programme p) => p is Programme.UrbanDibao or Programme.RuralDibao;

    public static bool IsEnrolled(this EnrolmentStatus s) => s is EnrolmentStatus.Active or EnrolmentStatus.PhasingOut;

    public static string Chinese(this Programme p) => p switch
    {
        Programme.UrbanDibao => "城市低保",
        Programme.RuralDibao => "农村低保",
        Programme.Tekun => "特困供养",
        Programme.Edge => "低保边缘",
        Programme.Expenditure => "支出型困难",
        _ => p.ToString(),
    };

    public static string Id(this Programme p) => p switch
    {
        Programme.UrbanDibao => "urban-dibao",
        Programme.RuralDibao => "rural-dibao",
        Programme.Tekun => "tekun",
        Programme.Edge => "edge",
        Programme.Expenditure => "expenditure",
        _ => p.ToString(),
    };

    public static string Chinese(this DisabilityCategory c) => c switch
    {
        DisabilityCategory.Visual => "视力",
        DisabilityCategory.Hearing => "听力",
        DisabilityCategory.Speech => "言语",
        DisabilityCategory.Physical => "肢体",
        DisabilityCategory.Intellectual => "智力",
        DisabilityCategory.Mental => "精神",
        DisabilityCategory.Multiple => "多重",
        _ => c.ToString(),
    };
}
