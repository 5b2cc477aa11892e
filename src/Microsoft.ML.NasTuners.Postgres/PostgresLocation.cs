using System.Globalization;
using Npgsql;

namespace Microsoft.ML.NasTuners.Postgres;

/// <summary>
/// Turns what a user writes for a PostgreSQL store (<c>postgresql://user:password@host:port/database?key=value</c>,
/// <c>postgres://...</c>, or a key=value connection string such as <c>Host=db;Username=u;Database=studies</c>) into
/// the connection string the store opens. Every message it writes names the host, port, database and user, and never
/// the password: connection strings end up in logs and CI output.
/// </summary>
internal static class PostgresLocation
{
    private static readonly string[] Schemes = ["postgresql://", "postgres://"];

    /// <summary>True when <paramref name="storage"/> is a PostgreSQL URL (the form a command line takes).</summary>
    public static bool IsUrl(string storage) =>
        Schemes.Any(s => storage.TrimStart().StartsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <exception cref="ArgumentException">The text is neither form, or names no host or no database.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string urlOrConnectionString)
    {
        ArgumentNullException.ThrowIfNull(urlOrConnectionString);
        var text = urlOrConnectionString.Trim();
        var builder = IsUrl(text) ? FromUrl(text) : FromKeyValues(text);
        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new ArgumentException($"The PostgreSQL storage {Describe(builder)} names no host.", nameof(urlOrConnectionString));
        if (string.IsNullOrWhiteSpace(builder.Database))
            throw new ArgumentException($"The PostgreSQL storage {Describe(builder)} names no database.", nameof(urlOrConnectionString));
        return builder;
    }

    /// <summary>host:port/database as user: what a message says of a store, without its password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{builder.Host ?? "(no host)"}:{builder.Port}/{builder.Database ?? "(no database)"}") +
        (string.IsNullOrEmpty(builder.Username) ? "" : $" as {builder.Username}");

    private static NpgsqlConnectionStringBuilder FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new ArgumentException($"'{Redact(text)}' is not a PostgreSQL URL: write postgresql://user:password@host:port/database.",
                nameof(text));
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (!uri.IsDefaultPort && uri.Port > 0) builder.Port = uri.Port;
        if (uri.UserInfo is { Length: > 0 } userInfo)
        {
            var colon = userInfo.IndexOf(':');
            builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length > 0) builder.Database = database;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                builder[key] = value;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new ArgumentException($"The PostgreSQL URL for {Describe(builder)} has an option '{key}' that Npgsql does not take: {e.Message}",
                    nameof(text), e);
            }
        }
        return builder;
    }

    private static NpgsqlConnectionStringBuilder FromKeyValues(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            // The builder's message may quote the text, password included: say what is wrong without it.
            throw new ArgumentException(
                "The PostgreSQL storage is neither a postgresql:// URL nor a valid key=value connection string " +
                $"({e.GetType().Name}); write postgresql://user:password@host:port/database or Host=...;Database=....",
                nameof(text));
        }
    }

    // A URL that does not parse may still carry a password: hide whatever lies between the scheme's user and '@'.
    private static string Redact(string url)
    {
        var at = url.LastIndexOf('@');
        var scheme = url.IndexOf("//", StringComparison.Ordinal);
        if (at < 0 || scheme < 0 || at < scheme) return url;
        var userInfo = url[(scheme + 2)..at];
        var colon = userInfo.IndexOf(':');
        return colon < 0 ? url : url[..(scheme + 2)] + userInfo[..colon] + ":***" + url[at..];
    }
}
