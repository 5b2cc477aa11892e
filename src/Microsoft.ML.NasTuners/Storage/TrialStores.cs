namespace Microsoft.ML.NasTuners.Storage;

/// <summary>Opens a store from one string, so that a command line or a configuration file can choose where a study lives.</summary>
public static class TrialStores
{
    private const string Memory = "memory";

    private static readonly string[] SqliteExtensions = [".db", ".sqlite", ".sqlite3"];

    /// <summary>Opens the store <paramref name="storage"/> names.</summary>
    /// <param name="storage"><c>memory</c> (or <c>memory:</c>) for a store in this process; <c>sqlite:&lt;path&gt;</c>, or
    /// a path ending in .db, .sqlite or .sqlite3, for a SQLite file.</param>
    /// <exception cref="ArgumentException">The string is none of those forms.</exception>
    public static ITrialStore Open(string storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var text = storage.Trim();
        if (text.Equals(Memory, StringComparison.OrdinalIgnoreCase) || text.Equals(Memory + ":", StringComparison.OrdinalIgnoreCase))
            return new InMemoryTrialStore();
        if (text.StartsWith(SqliteLocation.Prefix, StringComparison.OrdinalIgnoreCase) ||
            SqliteExtensions.Any(e => text.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            return new SqliteTrialStore(text);
        throw new ArgumentException(
            $"'{storage}' is not a storage this build opens. Accepted: 'memory' (or 'memory:') for a store in this process; " +
            "'sqlite:<path>', or a path ending in .db, .sqlite or .sqlite3, for a SQLite file. " +
            "postgresql:// needs the Microsoft.ML.NasTuners.Postgres package.",
            nameof(storage));
    }
}
