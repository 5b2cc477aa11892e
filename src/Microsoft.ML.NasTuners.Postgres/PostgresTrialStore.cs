using Microsoft.ML.NasTuners.Pruning;
using Microsoft.ML.NasTuners.Storage;
using Npgsql;

namespace Microsoft.ML.NasTuners.Postgres;

/// <summary>
/// A store in a PostgreSQL database, which any number of processes on any number of machines may share. It keeps the
/// same rules as <see cref="SqliteTrialStore"/> (the same contract tests run over both); what it adds is for many
/// workers: trial numbers are taken under a lock on the study's row, so they are unique and gap-free; every result is
/// placed in one order of events that each <see cref="StudyWorker"/> replays into its tuner; and transient failures
/// (a dropped connection, a restarting server, a serialization conflict) are retried with growing waits.
/// </summary>
/// <remarks>Each call runs in its own transaction on a pooled connection, so an instance is safe to use from many
/// threads, and a process that is killed loses only the trials it had in flight.</remarks>
public sealed class PostgresTrialStore : ITrialStore
{
    private const int DefaultAttempts = 8;

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresRetry _retry;
    private bool _disposed;

    /// <summary>Opens the store, creating its tables on first use.</summary>
    /// <param name="urlOrConnectionString"><c>postgresql://user:password@host:port/database</c> (or
    /// <c>postgres://</c>), or an Npgsql connection string such as <c>Host=db;Username=u;Password=p;Database=studies</c>.</param>
    /// <exception cref="ArgumentException">The text names no host or no database, or is neither form.</exception>
    /// <exception cref="InvalidOperationException">The server cannot be reached or refuses the login (the message names
    /// the host and port, never the password), or its tables are of a newer schema.</exception>
    public PostgresTrialStore(string urlOrConnectionString)
        : this(urlOrConnectionString, DefaultAttempts, seed: 0)
    {
    }

    internal PostgresTrialStore(string urlOrConnectionString, int attempts, int seed)
    {
        var builder = PostgresLocation.Parse(urlOrConnectionString);
        Location = PostgresLocation.Describe(builder);
        _retry = new PostgresRetry(attempts, seed);
        _dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            _retry.Run(() =>
            {
                using var connection = _dataSource.OpenConnection();
                PostgresSchema.Ensure(connection, Location);
                return true;
            });
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
        {
            _dataSource.Dispose();
            throw new InvalidOperationException($"Cannot open the trial store at PostgreSQL {Location}: {e.Message}", e);
        }
        catch
        {
            _dataSource.Dispose();
            throw;
        }
    }

    /// <summary>host:port/database and user: where the store is, without the password.</summary>
    public string Location { get; }

    /// <inheritdoc />
    public StudyInfo CreateStudy(string name, string? searchSpaceJson = null, IReadOnlyDictionary<string, string>? attributes = null)
    {
        CheckCreate(name, searchSpaceJson, attributes);
        return InTransaction((c, tx) =>
        {
            if (FindStudyId(c, tx, name, forUpdate: false) is not null)
                throw StudyErrors.DuplicateStudy(name);
            return InsertStudy(c, tx, name, searchSpaceJson, attributes);
        });
    }

    /// <inheritdoc />
    public StudyInfo? FindStudy(string name)
    {
        TrialStoreRules.CheckName(name, nameof(name));
        return InTransaction((c, tx) => ReadStudies(c, tx, name).SingleOrDefault());
    }

    /// <inheritdoc />
    public StudyInfo LoadOrCreateStudy(string name, string? searchSpaceJson = null, IReadOnlyDictionary<string, string>? attributes = null)
    {
        CheckCreate(name, searchSpaceJson, attributes);
        return InTransaction((c, tx) =>
        {
            // Workers starting together all call this: the creation lock makes one of them create the study and the
            // others load it, instead of one failing on the unique name.
            Execute(c, tx, "SELECT pg_advisory_xact_lock(hashtext('nastuners_studies'));");
            if (ReadStudies(c, tx, name).SingleOrDefault() is not { } study)
                return InsertStudy(c, tx, name, searchSpaceJson, attributes);
            if (searchSpaceJson is not null && !TrialStoreRules.SameSpace(study.SearchSpaceJson, searchSpaceJson))
                throw StudyErrors.OtherSpace(name, study.SearchSpaceJson, searchSpaceJson);
            return study;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StudyInfo> ListStudies() =>
        InTransaction((c, tx) => ReadStudies(c, tx, name: null).OrderBy(s => s.Name, StringComparer.Ordinal).ToList());

    /// <inheritdoc />
    public bool DeleteStudy(string name)
    {
        TrialStoreRules.CheckName(name, nameof(name));
        return InTransaction((c, tx) =>
        {
            using var command = new NpgsqlCommand("DELETE FROM nastuners_studies WHERE name = @name;", c, tx);
            command.Parameters.AddWithValue("name", name);
            return command.ExecuteNonQuery() > 0;
        });
    }

    /// <inheritdoc />
    public int ReserveTrialId(string study)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        return InTransaction((c, tx) => Reserve(c, tx, LockStudy(c, tx, study)));
    }

    /// <inheritdoc />
    public StudyTrial StartTrial(string study, StudyTrial running)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        var trial = TrialStoreRules.CheckStart(running, nameof(running));
        return InTransaction((c, tx) =>
        {
            var studyId = LockStudy(c, tx, study);
            var id = trial.Id >= 0 ? trial.Id : Reserve(c, tx, studyId);
            if (ReadStatus(c, tx, studyId, id) is not null)
                throw StudyErrors.TrialExists(study, id);
            var started = trial with { Id = id };
            InsertTrial(c, tx, studyId, started, requeueOf: null);
            return started;
        });
    }

    /// <inheritdoc />
    public void FinishTrial(string study, StudyTrial finished)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        var trial = TrialStoreRules.CheckFinish(finished, nameof(finished));
        InTransaction((c, tx) =>
        {
            var studyId = LockStudy(c, tx, study);
            var stored = ReadStatus(c, tx, studyId, trial.Id) ?? throw StudyErrors.UnknownTrial(study, trial.Id);
            if (stored != TrialStatus.Running)
                throw StudyErrors.AlreadyFinished(study, trial.Id, stored);
            WriteResult(c, tx, studyId, trial);
            return true;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<int> MarkRunningTrials(string study, TrialStatus status, string reason)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        TrialStoreRules.CheckMark(status, reason);
        return InTransaction((c, tx) =>
        {
            var studyId = LockStudy(c, tx, study);
            var running = ReadTrials(c, tx, studyId, "status = 'Running'").Select(t => t.Trial).ToList();
            var now = DateTime.UtcNow;
            foreach (var trial in running)
                WriteResult(c, tx, studyId, trial with { Status = status, Error = reason, EndedAtUtc = now });
            return (IReadOnlyList<int>)running.Select(t => t.Id).ToList();
        });
    }

    /// <inheritdoc />
    public void ReportIntermediateValue(string study, int trialId, double step, double value)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        step = TrialStoreRules.CheckStep(step);
        InTransaction((c, tx) =>
        {
            // No lock on the study's row, which every start and result of every worker takes: a report only locks its
            // trial's row (FOR SHARE), so that the trial cannot finish between this check and the write.
            var studyId = RequireStudyId(c, tx, study);
            var status = Scalar(c, tx, "SELECT status FROM nastuners_trials WHERE study_id = @study AND trial_id = @trial FOR SHARE;",
                ("study", studyId), ("trial", trialId)) as string ?? throw StudyErrors.NoTrialToReport(study, trialId);
            var stored = Enum.Parse<TrialStatus>(status);
            if (stored != TrialStatus.Running)
                throw StudyErrors.ReportAfterFinish(study, trialId, stored);
            Execute(c, tx,
                "INSERT INTO nastuners_intermediate_values (study_id, trial_id, step, value) VALUES (@study, @trial, @step, @value) " +
                "ON CONFLICT (study_id, trial_id, step) DO UPDATE SET value = EXCLUDED.value;",
                ("study", studyId), ("trial", trialId), ("step", step), ("value", value));
            return true;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StudyTrial> GetTrials(string study)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        return InTransaction((c, tx) =>
        {
            var studyId = RequireStudyId(c, tx, study);
            var curves = ReadCurves(c, tx, studyId);
            return ReadTrials(c, tx, studyId, "TRUE")
                .Select(t => curves.TryGetValue(t.Trial.Id, out var values) ? t.Trial with { IntermediateValues = values } : t.Trial)
                .ToList();
        });
    }

    /// <summary>Closes the pool. Everything written is already committed.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _dataSource.Dispose();
    }

    // ---- what the workers build on ----

    /// <summary>Runs <paramref name="body"/> in one transaction, again after a transient failure.</summary>
    internal T InTransaction<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> body) => _retry.Run(() =>
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var result = body(connection, transaction);
        transaction.Commit();
        return result;
    });

    /// <summary>Runs one statement outside a transaction, once: for a heartbeat, which its timer repeats anyway.</summary>
    internal int ExecuteOnce(string sql, params (string Name, object Value)[] arguments)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in arguments) command.Parameters.AddWithValue(name, value);
        return command.ExecuteNonQuery();
    }

    /// <summary>Locks the study's row until the transaction ends and returns its key: every write that numbers a trial
    /// or places a result in the order of events holds this lock, so those writes happen one at a time.</summary>
    internal static long LockStudy(NpgsqlConnection c, NpgsqlTransaction tx, string name) =>
        FindStudyId(c, tx, name, forUpdate: true) ?? throw UnknownStudy(c, tx, name);

    // Under the study's lock: past every trial and every earlier reservation of the study, in any process.
    private static int Reserve(NpgsqlConnection c, NpgsqlTransaction tx, long studyId) =>
        (int)Scalar(c, tx, """
            WITH past AS (SELECT COALESCE(MAX(trial_id), -1) + 1 AS next FROM nastuners_trials WHERE study_id = @study)
            INSERT INTO nastuners_trial_id_reservations (study_id, next_trial_id)
            VALUES (@study, (SELECT next FROM past) + 1)
            ON CONFLICT (study_id) DO UPDATE SET next_trial_id = GREATEST(nastuners_trial_id_reservations.next_trial_id, (SELECT next FROM past)) + 1
            RETURNING next_trial_id - 1;
            """, ("study", studyId))!;

    /// <summary>One more than the largest trial number (0 for the first); under <see cref="LockStudy"/> no one else
    /// can take it first.</summary>
    internal static int NextTrialId(NpgsqlConnection c, NpgsqlTransaction tx, long studyId) =>
        (int)Scalar(c, tx, "SELECT COALESCE(MAX(trial_id), -1) + 1 FROM nastuners_trials WHERE study_id = @study;", ("study", studyId))!;

    internal static void InsertTrial(NpgsqlConnection c, NpgsqlTransaction tx, long studyId, StudyTrial trial, int? requeueOf)
    {
        using var command = new NpgsqlCommand(
            $"INSERT INTO nastuners_trials (study_id, trial_id, requeue_of, {string.Join(", ", PostgresTrialRows.FieldColumns)}) " +
            $"VALUES (@study, @trial_id, @requeue_of, {string.Join(", ", PostgresTrialRows.FieldColumns.Select(f => "@" + f))});", c, tx);
        command.Parameters.AddWithValue("study", studyId);
        command.Parameters.Add(new NpgsqlParameter("requeue_of", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)requeueOf ?? DBNull.Value });
        PostgresTrialRows.Bind(command, trial);
        command.ExecuteNonQuery();
    }

    /// <summary>Writes a trial's finished form, placed after every result so far and before the next trial's proposal,
    /// and ends its lease. The caller holds <see cref="LockStudy"/>.</summary>
    internal static void WriteResult(NpgsqlConnection c, NpgsqlTransaction tx, long studyId, StudyTrial finished, bool superseded = false)
    {
        using var command = new NpgsqlCommand(
            $"UPDATE nastuners_trials SET {string.Join(", ", PostgresTrialRows.FieldColumns.Select(f => $"{f} = @{f}"))}, " +
            "result_seq = nextval('nastuners_result_seq'), " +
            "told_before = (SELECT MAX(trial_id) + 1 FROM nastuners_trials WHERE study_id = @study), superseded = @superseded " +
            "WHERE study_id = @study AND trial_id = @trial_id;" +
            "DELETE FROM nastuners_trial_leases WHERE study_id = @study AND trial_id = @trial_id;", c, tx);
        command.Parameters.AddWithValue("study", studyId);
        command.Parameters.AddWithValue("superseded", superseded);
        PostgresTrialRows.Bind(command, finished);
        command.ExecuteNonQuery();
    }

    /// <summary>The study's trials that satisfy <paramref name="where"/> (SQL over the trial columns), by number.</summary>
    internal static List<LoggedTrial> ReadTrials(NpgsqlConnection c, NpgsqlTransaction tx, long studyId, string where,
        params (string Name, object Value)[] arguments)
    {
        using var command = new NpgsqlCommand(
            $"SELECT {PostgresTrialRows.Columns} FROM nastuners_trials WHERE study_id = @study AND ({where}) ORDER BY trial_id;", c, tx);
        command.Parameters.AddWithValue("study", studyId);
        foreach (var (name, value) in arguments) command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var trials = new List<LoggedTrial>();
        while (reader.Read()) trials.Add(PostgresTrialRows.Read(reader));
        return trials;
    }

    /// <summary>Every trial's reported values, by trial and ascending step.</summary>
    internal static Dictionary<int, List<IntermediateValue>> ReadCurves(NpgsqlConnection c, NpgsqlTransaction tx, long studyId)
    {
        using var command = new NpgsqlCommand(
            "SELECT trial_id, step, value FROM nastuners_intermediate_values WHERE study_id = @study ORDER BY trial_id, step;", c, tx);
        command.Parameters.AddWithValue("study", studyId);
        using var reader = command.ExecuteReader();
        var curves = new Dictionary<int, List<IntermediateValue>>();
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            if (!curves.TryGetValue(id, out var curve)) curves[id] = curve = [];
            curve.Add(new IntermediateValue(reader.GetDouble(1), reader.GetDouble(2)));
        }
        return curves;
    }

    internal static long RequireStudyId(NpgsqlConnection c, NpgsqlTransaction tx, string name) =>
        FindStudyId(c, tx, name, forUpdate: false) ?? throw UnknownStudy(c, tx, name);

    internal static object? Scalar(NpgsqlConnection c, NpgsqlTransaction tx, string sql, params (string Name, object Value)[] arguments)
    {
        using var command = new NpgsqlCommand(sql, c, tx);
        foreach (var (name, value) in arguments) command.Parameters.AddWithValue(name, value);
        var value2 = command.ExecuteScalar();
        return value2 is DBNull ? null : value2;
    }

    internal static void Execute(NpgsqlConnection c, NpgsqlTransaction tx, string sql, params (string Name, object Value)[] arguments)
    {
        using var command = new NpgsqlCommand(sql, c, tx);
        foreach (var (name, value) in arguments) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    // ---- studies ----

    private static void CheckCreate(string name, string? searchSpaceJson, IReadOnlyDictionary<string, string>? attributes)
    {
        TrialStoreRules.CheckName(name, nameof(name));
        TrialStoreRules.CheckSpace(searchSpaceJson, nameof(searchSpaceJson));
        TrialStoreRules.CheckAttributes(attributes, nameof(attributes));
    }

    private static StudyInfo InsertStudy(NpgsqlConnection c, NpgsqlTransaction tx, string name, string? searchSpaceJson,
        IReadOnlyDictionary<string, string>? attributes)
    {
        var info = new StudyInfo(name, DateTime.UtcNow, searchSpaceJson, attributes);
        using var insert = new NpgsqlCommand(
            "INSERT INTO nastuners_studies (name, created_at_ticks, search_space_json) VALUES (@name, @created, @space) RETURNING study_id;", c, tx);
        insert.Parameters.AddWithValue("name", name);
        insert.Parameters.AddWithValue("created", info.CreatedAtUtc.Ticks);
        insert.Parameters.Add(new NpgsqlParameter("space", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)searchSpaceJson ?? DBNull.Value });
        var id = (long)insert.ExecuteScalar()!;
        foreach (var (key, value) in info.Attributes)
            Execute(c, tx, "INSERT INTO nastuners_study_attributes (study_id, key, value) VALUES (@study, @key, @value);",
                ("study", id), ("key", PostgresText.Encode(key)!), ("value", PostgresText.Encode(value)!));
        return info;
    }

    private static List<StudyInfo> ReadStudies(NpgsqlConnection c, NpgsqlTransaction tx, string? name)
    {
        var filter = name is null ? "" : " WHERE s.name = @name";
        var rows = new Dictionary<long, (string Name, DateTime Created, string? Space, Dictionary<string, string> Attributes)>();
        using (var command = new NpgsqlCommand($"SELECT s.study_id, s.name, s.created_at_ticks, s.search_space_json FROM nastuners_studies s{filter};", c, tx))
        {
            if (name is not null) command.Parameters.AddWithValue("name", name);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                rows[reader.GetInt64(0)] = (reader.GetString(1), new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                    reader.IsDBNull(3) ? null : reader.GetString(3), new Dictionary<string, string>(StringComparer.Ordinal));
        }
        using (var command = new NpgsqlCommand(
                   $"SELECT a.study_id, a.key, a.value FROM nastuners_study_attributes a JOIN nastuners_studies s ON s.study_id = a.study_id{filter};", c, tx))
        {
            if (name is not null) command.Parameters.AddWithValue("name", name);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                if (rows.TryGetValue(reader.GetInt64(0), out var row))
                    row.Attributes[PostgresText.Decode(reader.GetString(1))] = PostgresText.Decode(reader.GetString(2));
        }
        return rows.Values.Select(r => new StudyInfo(r.Name, r.Created, r.Space, r.Attributes)).ToList();
    }

    private static long? FindStudyId(NpgsqlConnection c, NpgsqlTransaction tx, string name, bool forUpdate) =>
        Scalar(c, tx, "SELECT study_id FROM nastuners_studies WHERE name = @name" + (forUpdate ? " FOR UPDATE;" : ";"), ("name", name)) as long?;

    private static InvalidOperationException UnknownStudy(NpgsqlConnection c, NpgsqlTransaction tx, string name)
    {
        var known = new List<string>();
        using var command = new NpgsqlCommand("SELECT name FROM nastuners_studies;", c, tx);
        using var reader = command.ExecuteReader();
        while (reader.Read()) known.Add(reader.GetString(0));
        return StudyErrors.UnknownStudy(name, known);
    }

    private static TrialStatus? ReadStatus(NpgsqlConnection c, NpgsqlTransaction tx, long studyId, int trialId) =>
        Scalar(c, tx, "SELECT status FROM nastuners_trials WHERE study_id = @study AND trial_id = @trial;",
            ("study", studyId), ("trial", trialId)) is string text
            ? Enum.Parse<TrialStatus>(text)
            : null;
}
