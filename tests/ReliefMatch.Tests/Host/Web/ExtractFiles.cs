using System.Text;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>Small departmental extracts (UTF-8 CSV) for upload tests: a roster and police death cancellations.</summary>
internal static class ExtractFiles
{
    /// <summary>A home-county roster: each person (name, ID, township, household, programme) enrolled (在保), economically checked recently.</summary>
    public static byte[] Roster(params (string Name, string Id, string Township, string Household, string Programme)[] people)
    {
        var text = new StringBuilder("县区代码,乡镇,村,家庭编号,姓名,身份证号,与户主关系,救助类别,保障状态,最近核对日期\r\n");
        foreach (var (name, id, township, household, programme) in people)
        {
            text.Append($"450326,{township},一村,{household},{name},{id},户主,{programme},在保,2023-06-01\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Police cancellations for death: name, ID text as written, death date.</summary>
    public static byte[] PoliceDeaths(params (string Name, string Id, string DeathDate)[] deaths)
    {
        var text = new StringBuilder("姓名,公民身份号码,死亡日期,注销原因\r\n");
        foreach (var (name, id, date) in deaths)
        {
            text.Append($"{name},{id},{date},死亡\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
