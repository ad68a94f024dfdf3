namespace ReliefMatch.SampleData;

/// <summary>The Chinese words of the departmental extracts that are not code lists of the core.</summary>
internal static class SampleVocabulary
{
    /// <summary>监测对象类别, in the order of <see cref="Model.MonitoredHousehold.MonitorType"/>.</summary>
    public static IReadOnlyList<string> MonitorTypes { get; } = ["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"];

    /// <summary>致贫风险, bit i of <see cref="Model.MonitoredHousehold.Risks"/>.</summary>
    public static IReadOnlyList<string> Risks { get; } =
        ["因病", "因残", "因学", "因灾", "因意外事故", "缺劳力", "缺技术", "务工就业不稳", "产业项目失败", "住房出现安全问题", "其他"];

    public static int[] RiskWeights { get; } = [30, 15, 8, 6, 6, 10, 5, 12, 4, 2, 2];

    /// <summary>Police cancellation reasons other than death, with their shares.</summary>
    public static IReadOnlyList<string> MoveReasons { get; } = ["迁出", "出国(境)定居", "服兵役", "其他"];

    public static int[] MoveReasonWeights { get; } = [850, 20, 50, 80];

    public static IReadOnlyList<string> DeathPlaces { get; } = ["家中", "医院", "乡镇卫生院", "养老机构", "来院途中", "其他场所"];

    public static int[] DeathPlaceWeights { get; } = [52, 30, 8, 5, 2, 3];

    /// <summary>根本死因: the common causes in a rural county with an old population.</summary>
    public static IReadOnlyList<string> Causes { get; } =
    [
        "脑梗死", "脑出血", "冠状动脉粥样硬化性心脏病", "慢性阻塞性肺疾病", "肺部感染", "高血压性心脏病", "心力衰竭",
        "肺恶性肿瘤", "肝恶性肿瘤", "胃恶性肿瘤", "食管恶性肿瘤", "糖尿病", "慢性肾脏病", "道路交通事故", "跌倒", "溺水", "衰老",
    ];

    public static int[] CauseWeights { get; } = [16, 12, 12, 10, 8, 6, 6, 6, 5, 3, 2, 4, 3, 2, 2, 1, 2];

    /// <summary>What a doctor writes under 根本死因 when the chain of causes is given on two lines.</summary>
    public static IReadOnlyList<string> CauseChains { get; } =
        ["肺部感染\n慢性阻塞性肺疾病急性加重", "多器官功能衰竭\n脓毒症", "呼吸衰竭\n肺恶性肿瘤晚期", "脑疝\n脑出血"];

    public static IReadOnlyList<string> Streets { get; } = ["解放路", "城北路", "凤山路", "福寿路", "永福路", "新城路", "桥头街", "老街"];
}
