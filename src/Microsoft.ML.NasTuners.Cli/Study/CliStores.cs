using Microsoft.ML.NasTuners.Postgres;
using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Cli.Study;

/// <summary>Opens the store a <c>--storage</c> names: a PostgreSQL URL (<c>postgresql://</c> or <c>postgres://</c>) for
/// the Postgres package's store, anything else as Core's <see cref="TrialStores.Open"/> reads it.</summary>
internal static class CliStores
{
    public const string Help = "The store: a SQLite file (study.db, sqlite:path), postgresql://user:password@host:port/database, or 'memory'.";

    public static bool IsPostgres(string storage) => PostgresLocation.IsUrl(storage);

    public static ITrialStore Open(string storage) =>
        IsPostgres(storage) ? new PostgresTrialStore(storage) : TrialStores.Open(storage);

    /// <summary>The storage as a message may show it: a PostgreSQL URL without its password.</summary>
    public static string Describe(string storage)
    {
        if (!IsPostgres(storage)) return storage;
        try
        {
            return "PostgreSQL " + PostgresLocation.Describe(PostgresLocation.Parse(storage));
        }
        catch (ArgumentException)
        {
            return "a PostgreSQL URL";
        }
    }
}
