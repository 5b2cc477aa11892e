using Microsoft.Data.Sqlite;

namespace Microsoft.ML.NasTuners.Storage;

/// <summary>
/// The tables of a SQLite store and the version they are at. A file records its version in <c>schema_version</c>; a
/// build refuses a file newer than it reads rather than write rows a newer build would misread. A later version adds
/// a migration here from each older one.
/// </summary>
/// <remarks>The tables <c>intermediate_values</c> and <c>trial_id_reservations</c> (the id after the last one
/// reserved, per study, so that runs in several processes never take the same id) came later within version 1: each only adds, and every statement here
/// is <c>IF NOT EXISTS</c>, so a file written before it gains the table when it is opened, and a build that does not know
/// it still reads the file (deleting a study there removes the values too, by the foreign key). It references the study,
/// not the trial row, because finishing a trial rewrites its row.</remarks>
internal static class SqliteSchema
{
    /// <summary>The version this build writes and reads.</summary>
    public const int Version = 1;

    private const string VersionTable = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);";

    // Status is stored by name; times as ISO-8601 UTC text. The double columns have no declared type on purpose: a
    // REAL column converts numeric-looking text back into a number, which would turn the text "-0" into 0, while a
    // column without affinity keeps each value as written (a REAL, or text for -0 and infinities; see SqliteValues).
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS studies (
            study_id          INTEGER PRIMARY KEY,
            name              TEXT NOT NULL UNIQUE,
            created_at_utc    TEXT NOT NULL,
            search_space_json TEXT
        );
        CREATE TABLE IF NOT EXISTS study_attributes (
            study_id INTEGER NOT NULL REFERENCES studies(study_id) ON DELETE CASCADE,
            key      TEXT NOT NULL,
            value    TEXT NOT NULL,
            PRIMARY KEY (study_id, key)
        );
        CREATE TABLE IF NOT EXISTS trials (
            study_id        INTEGER NOT NULL REFERENCES studies(study_id) ON DELETE CASCADE,
            trial_id        INTEGER NOT NULL,
            parameter_json  TEXT NOT NULL,
            budget,
            config_id       INTEGER,
            previous_budget,
            status          TEXT NOT NULL,
            loss,
            metric,
            spent_budget,
            duration_ms,
            error           TEXT,
            started_at_utc  TEXT NOT NULL,
            ended_at_utc    TEXT,
            note            TEXT,
            PRIMARY KEY (study_id, trial_id)
        );
        CREATE INDEX IF NOT EXISTS trials_by_status ON trials (study_id, status);
        CREATE TABLE IF NOT EXISTS intermediate_values (
            study_id INTEGER NOT NULL REFERENCES studies(study_id) ON DELETE CASCADE,
            trial_id INTEGER NOT NULL,
            step     NOT NULL,
            value,
            PRIMARY KEY (study_id, trial_id, step)
        );
        CREATE TABLE IF NOT EXISTS trial_id_reservations (
            study_id      INTEGER PRIMARY KEY REFERENCES studies(study_id) ON DELETE CASCADE,
            next_trial_id INTEGER NOT NULL
        );
        """;

    /// <summary>Creates the tables in a new file, or checks an existing file's version. Runs in one write transaction
    /// so that two processes opening a new file at once do not both create it.</summary>
    public static void Ensure(SqliteConnection connection, string location)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, VersionTable);
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT MAX(version) FROM schema_version;";
            var found = read.ExecuteScalar();
            if (found is long version && version != Version)
                throw new InvalidOperationException(version > Version
                    ? $"The trial store {location} has schema version {version}; this build of Microsoft.ML.NasTuners reads version {Version}. Open it with a newer build."
                    : $"The trial store {location} has schema version {version}, which no build reads; this one reads version {Version}.");
            Execute(connection, transaction, Tables);
            if (found is not long)
                Execute(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({Version});");
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
