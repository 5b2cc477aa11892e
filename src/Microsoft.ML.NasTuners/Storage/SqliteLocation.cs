using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Microsoft.ML.NasTuners.Storage;

/// <summary>Turns what a user writes for a SQLite store (a path, <c>sqlite:&lt;path&gt;</c> or a connection string) into
/// the connection string the store opens.</summary>
internal static partial class SqliteLocation
{
    public const string Prefix = "sqlite:";

    public static SqliteConnectionStringBuilder Parse(string pathOrConnectionString)
    {
        ArgumentNullException.ThrowIfNull(pathOrConnectionString);
        var text = pathOrConnectionString.Trim();
        SqliteConnectionStringBuilder builder;
        if (ConnectionStringKey().IsMatch(text))
        {
            try
            {
                builder = new SqliteConnectionStringBuilder(text);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"'{pathOrConnectionString}' is not a valid SQLite connection string: {e.Message}",
                    nameof(pathOrConnectionString), e);
            }
        }
        else
        {
            var path = text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? text[Prefix.Length..].Trim() : text;
            builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate };
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new ArgumentException(
                $"'{pathOrConnectionString}' names no database file; give a path, 'sqlite:<path>' or 'Data Source=<path>'.",
                nameof(pathOrConnectionString));
        // The store holds one connection for its whole life, so a pool would only keep the file open after Dispose.
        builder.Pooling = false;
        return builder;
    }

    /// <summary>The file behind the connection, or null for an in-memory or URI data source.</summary>
    public static string? FilePath(SqliteConnectionStringBuilder builder)
    {
        var source = builder.DataSource;
        if (source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ||
            builder.Mode == SqliteOpenMode.Memory)
            return null;
        return Path.GetFullPath(source);
    }

    // A connection string names its file with one of these keys; a plain path never holds "key=" after a start or ';'.
    [GeneratedRegex(@"(^|;)\s*(data\s*source|filename)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringKey();
}
