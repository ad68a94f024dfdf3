using System.Globalization;
using System.Text;

namespace ReliefMatch.Tests.Host.Jobs;

/// <summary>A roster extract as a county officer would upload it: a UTF-8 CSV with the contract's headers.</summary>
internal static class RosterCsv
{
    public const string Header = "区划代码,乡镇,村,家庭编号,户主姓名,姓名,身份证号,与户主关系,救助类别,保障状态,纳入时间,最近核对日期";

    /// <summary>One line: a household head enrolled in 农村低保.</summary>
    public static string Line(string township, string household, string name, string idNumber, string enrolledOn, string lastCheck = "2023-01-31") =>
        string.Create(CultureInfo.InvariantCulture, $"450326,{township},城北村,{household},{name},{name},{idNumber},户主,农村低保,在保,{enrolledOn},{lastCheck}");

    public static void Write(string path, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Header + "\n" + string.Join("\n", lines) + "\n", new UTF8Encoding(false));
    }
}
