using System.Globalization;

namespace EngageBot.Cards.Charts;

/// <summary>
/// Formats a chart value with its <see cref="ChartSpec.ValueFormat"/>, the same on every host: invariant digits,
/// percentages written "92%" (the invariant culture writes "92 %"). PNG axes, labels and alt text use it; card
/// fallback tables can too, so a figure reads the same in the picture and beside it.
/// </summary>
public static class ChartValueFormat
{
    private static readonly NumberFormatInfo Numbers = CreateNumbers();

    private const string Default = "#,0.##";

    /// <summary>The value in <paramref name="format"/>; the default format when it is missing or not a numeric format; "–" for NaN.</summary>
    public static string Format(double value, string? format)
    {
        if (!double.IsFinite(value))
            return "–"; // nothing measured, as the card's fallback tables write it
        try
        {
            return value.ToString(string.IsNullOrWhiteSpace(format) ? Default : format, Numbers);
        }
        catch (FormatException)
        {
            return value.ToString(Default, Numbers);
        }
    }

    private static NumberFormatInfo CreateNumbers()
    {
        var numbers = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        numbers.PercentPositivePattern = 1;
        numbers.PercentNegativePattern = 1;
        return NumberFormatInfo.ReadOnly(numbers);
    }
}
