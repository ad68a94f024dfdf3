namespace ReliefMatch.Core.Statistics;

/// <summary>
/// The 数据预警 line of the 统计表 for one township or the county: persons newly marked from data comparison
/// this month (<see cref="Total"/>), and of them those enrolled in 低保, 特困, 低保边缘 and 支出型困难. A person
/// in two programmes counts under each, so the four parts may add up to more than the total.
/// </summary>
public sealed record DataWarningCounts(int Total, int Dibao, int Tekun, int Edge, int Expenditure)
{
    public static DataWarningCounts Zero { get; } = new(0, 0, 0, 0, 0);
}
