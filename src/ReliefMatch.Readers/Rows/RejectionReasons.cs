using ReliefMatch.Readers.Headers;

namespace ReliefMatch.Readers.Rows;

/// <summary>Why a row was refused, in plain Chinese for the officer with the English in parentheses.</summary>
internal static class RejectionReasons
{
    public static string Empty(string header, ExtractField field) => Empty(header, field.Id());

    public static string Empty(string header, string field) => $"{header}为空 ({field} is empty)";

    public static string NotADate(ExtractField field) => NotADate(field.Id());

    public static string NotADate(string field) => $"无法识别的日期 ({field} is not a recognisable date)";

    public static string NotMoney(ExtractField field) => NotMoney(field.Id());

    public static string NotMoney(string field) => $"无法识别的金额 ({field} is not a recognisable amount of money)";

    public static string NotANumber(string field) => $"无法识别的数字 ({field} is not a recognisable number)";

    public static string NotAMonth(string field) => $"无法识别的月份 ({field} is not a recognisable month)";

    public static string NotInCodeList(string header, ExtractField field) => NotInCodeList(header, field.Id());

    public static string NotInCodeList(string header, string field) => $"无法识别的{header} (unknown {field} value)";

    public const string NoDeathOrCancellationDate = "死亡日期和注销日期均为空 (neither death_date nor cancelled_on is given)";

    public static string NotDerivable(string header, ExtractField field) =>
        $"{header}为空，且无法从残疾人证号取得 ({field.Id()} is empty and cannot be taken from the certificate number)";

    public const string CertificateNotTwenty =
        "身份证号为空，且残疾人证号不是20位，无法从中取得身份证号 (no ID number, and the certificate number is not the 20 characters it could be taken from)";
}
