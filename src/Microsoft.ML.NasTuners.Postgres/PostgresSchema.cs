using Npgsql;

namespace Microsoft.ML.NasTuners.Postgres;

/// <summary>
/// The tables of a PostgreSQL store, prefixed <c>nastuners_</c> so that they can live in a database that holds other
/// things, and the version they are at. A build refuses a database newer than it reads.
/// </summary>
/// <remarks>
/// Trial times are kept as .NET ticks (bigint), exact to the tick like the SQLite store, because a timestamp column
/// keeps microseconds only; the lease clock, which only the server reads, is a timestamptz filled by <c>now()</c>.
/// Beyond the SQLite columns a trial row records where its result falls in the study's one order of events
/// (<c>result_seq</c>, and <c>told_before</c>: the number the next trial had when the result was written), which every
/// worker replays into its tuner; <c>requeue_of</c>, the trial a re-queued one repeats; and <c>superseded</c>, set on a
/// trial whose lease expired and that was re-queued, so that the study's limits count its repeat instead.
/// <c>nastuners_intermediate_values</c> (the values trials reported at each step; a double column keeps NaN, so a
/// diverged trial's value is stored as it is) and <c>nastuners_trial_id_reservations</c> (the id after the last one an
/// experiment reserved, per study; workers number trials under the study's lock instead) came later within version 1: every statement here is <c>IF NOT
/// EXISTS</c>, so a database created before it gains the table the first time a store opens it.
/// </remarks>
internal static class PostgresSchema
{
    public const int Version = 1;

    // Any 64-bit number that other software is unlikely to lock: the two halves spell "nas" and "tune".
    private const long CreationLock = 0x6E6173_74756E65;

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS nastuners_schema_version (version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS nastuners_studies (
            study_id          BIGSERIAL PRIMARY KEY,
            name              TEXT NOT NULL UNIQUE,
            created_at_ticks  BIGINT NOT NULL,
            created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
            search_space_json TEXT
        );
        CREATE TABLE IF NOT EXISTS nastuners_study_attributes (
            study_id BIGINT NOT NULL REFERENCES nastuners_studies (study_id) ON DELETE CASCADE,
            key      TEXT NOT NULL,
            value    TEXT NOT NULL,
            PRIMARY KEY (study_id, key)
        );
        CREATE TABLE IF NOT EXISTS nastuners_trials (
            study_id         BIGINT NOT NULL REFERENCES nastuners_studies (study_id) ON DELETE CASCADE,
            trial_id         INTEGER NOT NULL,
            parameter_json   TEXT NOT NULL,
            budget           DOUBLE PRECISION,
            config_id        INTEGER,
            previous_budget  DOUBLE PRECISION,
            status           TEXT NOT NULL,
            loss             DOUBLE PRECISION,
            metric           DOUBLE PRECISION,
            spent_budget     DOUBLE PRECISION,
            duration_ms      DOUBLE PRECISION NOT NULL,
            error            TEXT,
            started_at_ticks BIGINT NOT NULL,
            ended_at_ticks   BIGINT,
            note             TEXT,
            result_seq       BIGINT,
            told_before      INTEGER,
            requeue_of       INTEGER,
            superseded       BOOLEAN NOT NULL DEFAULT FALSE,
            PRIMARY KEY (study_id, trial_id)
        );
        CREATE INDEX IF NOT EXISTS nastuners_trials_by_result ON nastuners_trials (study_id, result_seq);
        CREATE SEQUENCE IF NOT EXISTS nastuners_result_seq;
        CREATE TABLE IF NOT EXISTS nastuners_trial_leases (
            study_id     BIGINT NOT NULL,
            trial_id     INTEGER NOT NULL,
            worker       TEXT NOT NULL,
            heartbeat_at TIMESTAMPTZ NOT NULL,
            lease_ms     DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (study_id, trial_id),
            FOREIGN KEY (study_id, trial_id) REFERENCES nastuners_trials (study_id, trial_id) ON DELETE CASCADE
        );
        CREATE TABLE IF NOT EXISTS nastuners_trial_queue (
            queue_id        BIGSERIAL PRIMARY KEY,
            study_id        BIGINT NOT NULL REFERENCES nastuners_studies (study_id) ON DELETE CASCADE,
            requeue_of      INTEGER NOT NULL,
            parameter_json  TEXT NOT NULL,
            budget          DOUBLE PRECISION,
            config_id       INTEGER,
            previous_budget DOUBLE PRECISION
        );
        CREATE TABLE IF NOT EXISTS nastuners_intermediate_values (
            study_id BIGINT NOT NULL REFERENCES nastuners_studies (study_id) ON DELETE CASCADE,
            trial_id INTEGER NOT NULL,
            step     DOUBLE PRECISION NOT NULL,
            value    DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (study_id, trial_id, step)
        );
        CREATE TABLE IF NOT EXISTS nastuners_trial_id_reservations (
            study_id      BIGINT PRIMARY KEY REFERENCES nastuners_studies (study_id) ON DELETE CASCADE,
            next_trial_id INTEGER NOT NULL
        );
        """;

    /// <summary>Creates the tables on first use or checks their version, under a transaction-scoped advisory lock so
    /// that workers starting together do not race to create them.</summary>
    public static void Ensure(NpgsqlConnection connection, string location)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({CreationLock});");
        Execute(connection, transaction, Tables);
        using (var read = new NpgsqlCommand("SELECT MAX(version) FROM nastuners_schema_version;", connection, transaction))
        {
            var found = read.ExecuteScalar();
            if (found is int version && version != Version)
                throw new InvalidOperationException(version > Version
                    ? $"The trial store {location} has schema version {version}; this build of Microsoft.ML.NasTuners.Postgres reads version {Version}. Open it with a newer build."
                    : $"The trial store {location} has schema version {version}, which no build reads; this one reads version {Version}.");
            if (found is not int)
                Execute(connection, transaction, $"INSERT INTO nastuners_schema_version (version) VALUES ({Version});");
        }
        transaction.Commit();
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
