using Npgsql;

namespace Microsoft.ML.NasTuners.Postgres.Tests;

/// <summary>
/// The PostgreSQL server the tests use: the connection string in <c>NASTUNERS_POSTGRES</c> (CI's .ci/run starts a
/// server and sets it). Without it, or when the server does not answer, every test that needs it skips and says why.
/// Each test gets a schema of its own, dropped afterwards, so tests never see each other's studies.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "NASTUNERS_POSTGRES";

    private static readonly Lazy<string?> Reason = new(FindSkipReason);

    /// <summary>Why the PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => Reason.Value;

    /// <summary>The server's connection string as the variable gives it.</summary>
    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable)!;

    /// <summary>Skips the calling test when there is no server.</summary>
    public static void Require() => Skip.If(SkipReason is not null, SkipReason);

    /// <summary>A new empty schema and a connection string (key=value form) whose search path is that schema.</summary>
    public static TestSchema CreateSchema()
    {
        Require();
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        var builder = PostgresLocation.Parse(ConnectionString);
        using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA {name};", connection);
            command.ExecuteNonQuery();
        }
        builder.SearchPath = name;
        builder.Pooling = true;
        var url = ConnectionString.Trim();
        url += (url.Contains('?') ? "&" : "?") + "Search%20Path=" + name;
        return new TestSchema(name, builder.ConnectionString, ConnectionString, PostgresLocation.IsUrl(url) ? url : null);
    }

    private static string? FindSkipReason()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
            return $"{Variable} is not set: set it to postgresql://user:password@host:port/database (.ci/run starts a server and sets it).";
        try
        {
            var builder = PostgresLocation.Parse(text);
            builder.Timeout = 5;
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception e)
        {
            return $"{Variable} names a PostgreSQL server that does not answer: {e.Message}";
        }
    }
}

/// <summary>A schema of the test server, dropped with everything in it when disposed.</summary>
internal sealed class TestSchema(string name, string connectionString, string serverConnectionString, string? url) : IDisposable
{
    public string Name { get; } = name;

    /// <summary>A key=value connection string whose search path is this schema.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>A postgresql:// URL whose search path is this schema (null when the server was given as key=value).</summary>
    public string? Url { get; } = url;

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresLocation.Parse(serverConnectionString).ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE;", connection);
        command.ExecuteNonQuery();
    }
}
