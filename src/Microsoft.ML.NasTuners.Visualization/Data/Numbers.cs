using System.Globalization;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>How the plots and the report write numbers: invariant culture, six significant digits, "-" for none.</summary>
internal static class Numbers
{
    public static string Short(double value) =>
        double.IsNaN(value) ? "-" : value.ToString("G6", CultureInfo.InvariantCulture);

    public static string Short(double? value) => value is { } v ? Short(v) : "-";
}
