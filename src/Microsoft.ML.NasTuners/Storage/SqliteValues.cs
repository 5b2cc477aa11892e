using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Microsoft.ML.NasTuners.Storage;

/// <summary>
/// How values go into SQLite columns and come back unchanged. SQLite turns a NaN it is given into NULL and has no
/// literal for infinity, so a finite double is stored as REAL and infinities, -0 and (where NULL means "none") NaN as
/// their round-trip text, readable in the file by hand; the reader accepts either.
/// </summary>
internal static class SqliteValues
{
    private const string TimeFormat = "O";

    /// <summary>A double where NaN means "none" (loss, metric): NaN is NULL.</summary>
    public static object FromDouble(double value) => double.IsNaN(value) ? DBNull.Value : Encode(value);

    /// <summary>A double where null means "none" (budgets): NULL is null and NaN is kept, as text.</summary>
    public static object FromNullableDouble(double? value) => value is { } v ? Encode(v) : DBNull.Value;

    public static double ToDouble(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? double.NaN : Decode(reader, column);

    public static double? ToNullableDouble(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : Decode(reader, column);

    public static object FromNullableInt(int? value) => value is { } v ? v : DBNull.Value;

    public static int? ToNullableInt(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : reader.GetInt32(column);

    public static object FromText(string? value) => value ?? (object)DBNull.Value;

    public static string? ToText(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : reader.GetString(column);

    /// <summary>ISO-8601 with seven fractional digits and 'Z': exact to the tick, sortable as text, readable by hand.</summary>
    public static string FromTime(DateTime utc) => TrialStoreRules.ToUtc(utc).ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static object FromNullableTime(DateTime? utc) => utc is { } t ? FromTime(t) : DBNull.Value;

    public static DateTime ToTime(SqliteDataReader reader, int column) =>
        ParseTime(reader.GetString(column));

    public static DateTime? ToNullableTime(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : ParseTime(reader.GetString(column));

    /// <summary>By name, so that a file stays readable if the enum gains or reorders members.</summary>
    public static string FromStatus(TrialStatus status) => status.ToString();

    public static TrialStatus ToStatus(string text) =>
        // Enum.TryParse also takes numbers ("1"); only the names this build writes are accepted.
        Enum.GetNames<TrialStatus>().Contains(text, StringComparer.Ordinal) && Enum.TryParse<TrialStatus>(text, out var status)
            ? status
            : throw new InvalidOperationException(
                $"The store holds a trial with status '{text}', which this build does not know ({string.Join(", ", Enum.GetNames<TrialStatus>())}).");

    private static object Encode(double value) =>
        double.IsFinite(value) && !(value == 0 && double.IsNegative(value))
            ? value
            : value.ToString("R", CultureInfo.InvariantCulture);

    private static double Decode(SqliteDataReader reader, int column) =>
        reader.GetFieldType(column) == typeof(string)
            ? double.Parse(reader.GetString(column), NumberStyles.Float, CultureInfo.InvariantCulture)
            : reader.GetDouble(column);

    private static DateTime ParseTime(string text) =>
        DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
