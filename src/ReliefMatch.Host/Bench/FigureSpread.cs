using System.Globalization;
using static System.FormattableString;

namespace ReliefMatch.Host.Bench;

/// <summary>
/// A figure over the alternations of a bench: the median (what a target is judged by), the lowest and highest value
/// (the spread a shared machine gives) and how many values there were.
/// </summary>
public sealed record FigureSpread(double Median, double Min, double Max, int Count)
{
    public static FigureSpread Of(IReadOnlyList<double> values) =>
        values.Count == 0 ? new(double.NaN, double.NaN, double.NaN, 0) : new(PeerMeasurement.Median(values), values.Min(), values.Max(), values.Count);

    /// <summary>The median with <paramref name="unit"/>, then, of several values, "median of N, min–max".</summary>
    public string Format(int decimals, string unit)
    {
        var format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        return Count <= 1 ? F(Median) + unit : Invariant($"{F(Median)}{unit} (median of {Count}, {F(Min)}–{F(Max)}{unit})");
    }
}
