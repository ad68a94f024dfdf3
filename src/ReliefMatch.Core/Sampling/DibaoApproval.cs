using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Sampling;

/// <summary>
/// A household newly approved for 低保 in a month (新审核认定的低保对象): the unit of the county's online review.
/// </summary>
/// <param name="HouseholdId">家庭编号 (trimmed).</param>
/// <param name="CountyCode">The county code of the head row.</param>
/// <param name="Township">The head's township.</param>
/// <param name="Village">The head's village (empty when the roster has none).</param>
/// <param name="HeadName">户主姓名 (the head row's name).</param>
/// <param name="HeadIdNumber">The head's ID as normalised (empty when missing).</param>
/// <param name="Programme">城市低保 or 农村低保: the programme of the earliest approved dibao row.</param>
/// <param name="ApprovedOn">The earliest 纳入时间 of the household's enrolled dibao rows.</param>
/// <param name="Members">The household's rows on the roster.</param>
public sealed record DibaoApproval(
    string HouseholdId,
    string CountyCode,
    string Township,
    string Village,
    string HeadName,
    string HeadIdNumber,
    Programme Programme,
    DateOnly ApprovedOn,
    int Members);
