namespace ReliefMatch.Core.Identity;

/// <summary>Why a cell did not yield a valid resident ID.</summary>
public enum IdProblem
{
    None = 0,
    Missing,
    /// <summary>Excel turned the ID into a number and lost the digits beyond the 15th: unrecoverable.</summary>
    ExcelDamaged,
    WrongLength,
    NotDigits,
    ImpossibleBirthDate,
    WrongCheckCharacter,
}

public static class IdProblemText
{
    /// <summary>The reason in plain Chinese, as shown in import reports.</summary>
    public static string Describe(this IdProblem problem) => problem switch
    {
        IdProblem.None => "",
        IdProblem.Missing => "身份证号为空",
        IdProblem.ExcelDamaged => "身份证号被Excel转为数字，15位后的数字已丢失，无法恢复",
        IdProblem.WrongLength => "身份证号位数不对",
        IdProblem.NotDigits => "身份证号含非法字符",
        IdProblem.ImpossibleBirthDate => "身份证号中的出生日期不存在",
        IdProblem.WrongCheckCharacter => "身份证号校验位错误",
        _ => problem.ToString(),
    };
}
