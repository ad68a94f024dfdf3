namespace ReliefMatch.Readers.Rows;

/// <summary>
/// Why a row was refused, in plain Chinese for the officer who reads the import report. The report names the row,
/// the column as the file spells it and the value as read beside the reason, so a reason says only what is wrong.
/// </summary>
internal static class RejectionReasons
{
    public static string Empty(string header) => $"{header}为空";

    public const string NotADate = "无法识别的日期";

    public const string NotMoney = "无法识别的金额";

    public const string NotANumber = "无法识别的数字";

    public const string NotAMonth = "无法识别的月份";

    public static string NotInCodeList(string header) => $"无法识别的{header}";

    public const string NoDeathOrCancellationDate = "死亡日期和注销日期均为空";

    public static string NotDerivable(string header) => $"{header}为空，且无法从残疾人证号取得";

    public const string CertificateNotTwenty = "身份证号为空，且残疾人证号不是20位，无法从中取得身份证号";
}
