using Microsoft.Data.Sqlite;
using Microsoft.ML.NasTuners.Pruning;

namespace Microsoft.ML.NasTuners.Storage;

/// <summary>
/// A store in one SQLite file, which several processes on one machine may share. Each trial is written in its own
/// transaction when it starts and again when it finishes, so a process that is killed loses only the trials it had in
/// flight, and those stay <see cref="TrialStatus.Running"/> in the file for a resumed run to deal with
/// (<see cref="ITrialStore.MarkRunningTrials"/>). An instance is safe to use from many threads.
/// </summary>
public sealed class SqliteTrialStore : ITrialStore
{
    // Long enough to wait out another process's write transaction (each holds the lock for one trial's rows).
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private const string TrialColumns =
        "trial_id, parameter_json, budget, config_id, previous_budget, status, loss, metric, spent_budget, " +
        "duration_ms, error, started_at_utc, ended_at_utc, note";

    private readonly object _gate = new();
    private readonly SqliteConnection _connection;
    private bool _disposed;

    /// <summary>Opens the store, creating the file (and its folder) and the tables on first use.</summary>
    /// <param name="pathOrConnectionString">A file path, <c>sqlite:&lt;path&gt;</c>, or a connection string such as
    /// <c>Data Source=studies.db</c>.</param>
    /// <exception cref="ArgumentException">No database is named.</exception>
    /// <exception cref="InvalidOperationException">The file cannot be opened as a store, or its schema is newer than
    /// this build reads.</exception>
    public SqliteTrialStore(string pathOrConnectionString)
    {
        var builder = SqliteLocation.Parse(pathOrConnectionString);
        builder.DefaultTimeout = (int)BusyTimeout.TotalSeconds;
        builder.ForeignKeys = true;
        var file = SqliteLocation.FilePath(builder);
        Location = file ?? builder.DataSource;
        if (file is not null && Path.GetDirectoryName(file) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);

        _connection = new SqliteConnection(builder.ToString());
        try
        {
            _connection.Open();
            // WAL lets readers in other processes go on while one writes; the busy timeout makes a writer wait for
            // another's transaction instead of failing at once.
            Execute("PRAGMA journal_mode = WAL;");
            Execute($"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};");
            SqliteSchema.Ensure(_connection, Location);
        }
        catch (SqliteException e)
        {
            _connection.Dispose();
            throw new InvalidOperationException($"Cannot open the trial store {Location}: {e.Message}", e);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>The database file's full path (or the data source, for one that is not a file).</summary>
    public string Location { get; }

    /// <inheritdoc />
    public StudyInfo CreateStudy(string name, string? searchSpaceJson = null, IReadOnlyDictionary<string, string>? attributes = null)
    {
        CheckCreate(name, searchSpaceJson, attributes);
        return Write(tx =>
        {
            if (FindStudyId(tx, name) is not null)
                throw StudyErrors.DuplicateStudy(name);
            return InsertStudy(tx, name, searchSpaceJson, attributes);
        });
    }

    /// <inheritdoc />
    public StudyInfo? FindStudy(string name)
    {
        TrialStoreRules.CheckName(name, nameof(name));
        return Read(tx => ReadStudies(tx, name).SingleOrDefault());
    }

    /// <inheritdoc />
    public StudyInfo LoadOrCreateStudy(string name, string? searchSpaceJson = null, IReadOnlyDictionary<string, string>? attributes = null)
    {
        CheckCreate(name, searchSpaceJson, attributes);
        return Write(tx =>
        {
            if (ReadStudies(tx, name).SingleOrDefault() is not { } study)
                return InsertStudy(tx, name, searchSpaceJson, attributes);
            if (searchSpaceJson is not null && !TrialStoreRules.SameSpace(study.SearchSpaceJson, searchSpaceJson))
                throw StudyErrors.OtherSpace(name, study.SearchSpaceJson, searchSpaceJson);
            return study;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StudyInfo> ListStudies() =>
        Read(tx => ReadStudies(tx, name: null).OrderBy(s => s.Name, StringComparer.Ordinal).ToList());

    /// <inheritdoc />
    public bool DeleteStudy(string name)
    {
        TrialStoreRules.CheckName(name, nameof(name));
        return Write(tx =>
        {
            if (FindStudyId(tx, name) is not { } id)
                return false;
            Execute(tx, "DELETE FROM intermediate_values WHERE study_id = $study;", ("$study", id));
            Execute(tx, "DELETE FROM trials WHERE study_id = $study;", ("$study", id));
            Execute(tx, "DELETE FROM trial_id_reservations WHERE study_id = $study;", ("$study", id));
            Execute(tx, "DELETE FROM study_attributes WHERE study_id = $study;", ("$study", id));
            Execute(tx, "DELETE FROM studies WHERE study_id = $study;", ("$study", id));
            return true;
        });
    }

    /// <inheritdoc />
    public int ReserveTrialId(string study)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        return Write(tx => Reserve(tx, RequireStudyId(tx, study)));
    }

    /// <inheritdoc />
    public StudyTrial StartTrial(string study, StudyTrial running)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        var trial = TrialStoreRules.CheckStart(running, nameof(running));
        return Write(tx =>
        {
            var studyId = RequireStudyId(tx, study);
            // Inside the write transaction: no other connection can take the same id between this read and the insert.
            var id = trial.Id >= 0 ? trial.Id : Reserve(tx, studyId);
            if (ReadStatus(tx, studyId, id) is not null)
                throw StudyErrors.TrialExists(study, id);
            trial = trial with { Id = id };
            Execute(tx, $"INSERT INTO trials (study_id, {TrialColumns}) VALUES ($study, {TrialValues});",
                [("$study", studyId), .. TrialArguments(trial)]);
            return trial;
        });
    }

    /// <inheritdoc />
    public void FinishTrial(string study, StudyTrial finished)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        var trial = TrialStoreRules.CheckFinish(finished, nameof(finished));
        Write(tx =>
        {
            var studyId = RequireStudyId(tx, study);
            var stored = ReadStatus(tx, studyId, trial.Id) ?? throw StudyErrors.UnknownTrial(study, trial.Id);
            if (stored != TrialStatus.Running)
                throw StudyErrors.AlreadyFinished(study, trial.Id, stored);
            Execute(tx, "DELETE FROM trials WHERE study_id = $study AND trial_id = $trial_id;",
                ("$study", studyId), ("$trial_id", trial.Id));
            Execute(tx, $"INSERT INTO trials (study_id, {TrialColumns}) VALUES ($study, {TrialValues});",
                [("$study", studyId), .. TrialArguments(trial)]);
            return true;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<int> MarkRunningTrials(string study, TrialStatus status, string reason)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        TrialStoreRules.CheckMark(status, reason);
        return Write(tx =>
        {
            var studyId = RequireStudyId(tx, study);
            var running = new List<int>();
            using (var select = Command(tx,
                       "SELECT trial_id FROM trials WHERE study_id = $study AND status = $running ORDER BY trial_id;",
                       ("$study", studyId), ("$running", SqliteValues.FromStatus(TrialStatus.Running))))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                    running.Add(reader.GetInt32(0));
            }

            Execute(tx,
                "UPDATE trials SET status = $status, error = $error, ended_at_utc = $ended " +
                "WHERE study_id = $study AND status = $running;",
                ("$status", SqliteValues.FromStatus(status)), ("$error", reason), ("$ended", SqliteValues.FromTime(DateTime.UtcNow)),
                ("$study", studyId), ("$running", SqliteValues.FromStatus(TrialStatus.Running)));
            return (IReadOnlyList<int>)running;
        });
    }

    /// <inheritdoc />
    public void ReportIntermediateValue(string study, int trialId, double step, double value)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        step = TrialStoreRules.CheckStep(step);
        Write(tx =>
        {
            var studyId = RequireStudyId(tx, study);
            var stored = ReadStatus(tx, studyId, trialId) ?? throw StudyErrors.NoTrialToReport(study, trialId);
            if (stored != TrialStatus.Running)
                throw StudyErrors.ReportAfterFinish(study, trialId, stored);
            Execute(tx,
                "INSERT INTO intermediate_values (study_id, trial_id, step, value) VALUES ($study, $trial_id, $step, $value) " +
                "ON CONFLICT (study_id, trial_id, step) DO UPDATE SET value = excluded.value;",
                ("$study", studyId), ("$trial_id", trialId), ("$step", step), ("$value", SqliteValues.FromDouble(value)));
            return true;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StudyTrial> GetTrials(string study)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        return Read(tx =>
        {
            var studyId = RequireStudyId(tx, study);
            var curves = ReadCurves(tx, studyId);
            using var command = Command(tx, $"SELECT {TrialColumns} FROM trials WHERE study_id = $study ORDER BY trial_id;",
                ("$study", studyId));
            using var reader = command.ExecuteReader();
            var trials = new List<StudyTrial>();
            while (reader.Read())
            {
                var trial = ReadTrial(reader);
                trials.Add(curves.TryGetValue(trial.Id, out var values) ? trial with { IntermediateValues = values } : trial);
            }
            return trials;
        });
    }

    /// <summary>Closes the file. Everything written is already committed.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _connection.Dispose();
        }
    }

    // ---- transactions: one connection, used by one thread at a time ----

    private T Write<T>(Func<SqliteTransaction, T> body) => InTransaction(deferred: false, body);

    // A read of several statements still runs in a transaction, so it sees one state of the file.
    private T Read<T>(Func<SqliteTransaction, T> body) => InTransaction(deferred: true, body);

    private T InTransaction<T>(bool deferred, Func<SqliteTransaction, T> body)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Not deferred means BEGIN IMMEDIATE: the write lock is taken first, so a read-then-write (the next id)
            // cannot be overtaken by another process.
            using var transaction = _connection.BeginTransaction(deferred);
            var result = body(transaction);
            transaction.Commit();
            return result;
        }
    }

    // In a write transaction: past every trial and every earlier reservation of the study, in any process.
    private int Reserve(SqliteTransaction tx, long studyId)
    {
        var id = checked((int)(long)Scalar(tx, """
            SELECT MAX(COALESCE((SELECT next_trial_id FROM trial_id_reservations WHERE study_id = $study), 0),
                       COALESCE((SELECT MAX(trial_id) FROM trials WHERE study_id = $study), -1) + 1);
            """, ("$study", studyId))!);
        Execute(tx, """
            INSERT INTO trial_id_reservations (study_id, next_trial_id) VALUES ($study, $next)
            ON CONFLICT (study_id) DO UPDATE SET next_trial_id = excluded.next_trial_id;
            """, ("$study", studyId), ("$next", (long)id + 1));
        return id;
    }

    // ---- studies ----

    private static void CheckCreate(string name, string? searchSpaceJson, IReadOnlyDictionary<string, string>? attributes)
    {
        TrialStoreRules.CheckName(name, nameof(name));
        TrialStoreRules.CheckSpace(searchSpaceJson, nameof(searchSpaceJson));
        TrialStoreRules.CheckAttributes(attributes, nameof(attributes));
    }

    private StudyInfo InsertStudy(SqliteTransaction tx, string name, string? searchSpaceJson, IReadOnlyDictionary<string, string>? attributes)
    {
        var info = new StudyInfo(name, DateTime.UtcNow, searchSpaceJson, attributes);
        var id = (long)Scalar(tx,
            "INSERT INTO studies (name, created_at_utc, search_space_json) VALUES ($name, $created, $space) RETURNING study_id;",
            ("$name", name), ("$created", SqliteValues.FromTime(info.CreatedAtUtc)), ("$space", SqliteValues.FromText(searchSpaceJson)))!;
        foreach (var (key, value) in info.Attributes)
        {
            Execute(tx, "INSERT INTO study_attributes (study_id, key, value) VALUES ($study, $key, $value);",
                ("$study", id), ("$key", key), ("$value", value));
        }

        return info;
    }

    /// <summary>The study of that name, or every study when <paramref name="name"/> is null.</summary>
    private List<StudyInfo> ReadStudies(SqliteTransaction tx, string? name)
    {
        var filter = name is null ? "" : " WHERE s.name = $name";
        var rows = new Dictionary<long, (string Name, DateTime Created, string? Space, Dictionary<string, string> Attributes)>();
        using (var command = Command(tx, $"SELECT study_id, name, created_at_utc, search_space_json FROM studies s{filter};",
                   ("$name", SqliteValues.FromText(name))))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(reader.GetInt64(0), (reader.GetString(1), SqliteValues.ToTime(reader, 2), SqliteValues.ToText(reader, 3),
                    new Dictionary<string, string>(StringComparer.Ordinal)));
            }
        }

        using (var command = Command(tx,
                   $"SELECT a.study_id, a.key, a.value FROM study_attributes a JOIN studies s ON s.study_id = a.study_id{filter};",
                   ("$name", SqliteValues.FromText(name))))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (rows.TryGetValue(reader.GetInt64(0), out var row))
                    row.Attributes[reader.GetString(1)] = reader.GetString(2);
            }
        }

        return rows.Values.Select(r => new StudyInfo(r.Name, r.Created, r.Space, r.Attributes)).ToList();
    }

    private long? FindStudyId(SqliteTransaction tx, string name) =>
        Scalar(tx, "SELECT study_id FROM studies WHERE name = $name;", ("$name", name)) as long?;

    private long RequireStudyId(SqliteTransaction tx, string name)
    {
        if (FindStudyId(tx, name) is { } id)
            return id;
        var known = new List<string>();
        using (var command = Command(tx, "SELECT name FROM studies;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                known.Add(reader.GetString(0));
        }

        throw StudyErrors.UnknownStudy(name, known);
    }

    // ---- trials ----

    private const string TrialValues =
        "$trial_id, $parameter_json, $budget, $config_id, $previous_budget, $status, $loss, $metric, $spent_budget, " +
        "$duration_ms, $error, $started_at_utc, $ended_at_utc, $note";

    private static (string, object)[] TrialArguments(StudyTrial trial) =>
    [
        ("$trial_id", trial.Id),
        ("$parameter_json", trial.Parameter.ToString()),
        ("$budget", SqliteValues.FromNullableDouble(trial.Budget)),
        ("$config_id", SqliteValues.FromNullableInt(trial.ConfigId)),
        ("$previous_budget", SqliteValues.FromNullableDouble(trial.PreviousBudget)),
        ("$status", SqliteValues.FromStatus(trial.Status)),
        ("$loss", SqliteValues.FromDouble(trial.Loss)),
        ("$metric", SqliteValues.FromDouble(trial.Metric)),
        ("$spent_budget", SqliteValues.FromNullableDouble(trial.SpentBudget)),
        ("$duration_ms", SqliteValues.FromDouble(trial.DurationMs)),
        ("$error", SqliteValues.FromText(trial.Error)),
        ("$started_at_utc", SqliteValues.FromTime(trial.StartedAtUtc)),
        ("$ended_at_utc", SqliteValues.FromNullableTime(trial.EndedAtUtc)),
        ("$note", SqliteValues.FromText(trial.Note)),
    ];

    /// <summary>Reads a row selected as <see cref="TrialColumns"/>.</summary>
    private static StudyTrial ReadTrial(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt32(0),
        Parameter = Parameter.Parse(reader.GetString(1)),
        Budget = SqliteValues.ToNullableDouble(reader, 2),
        ConfigId = SqliteValues.ToNullableInt(reader, 3),
        PreviousBudget = SqliteValues.ToNullableDouble(reader, 4),
        Status = SqliteValues.ToStatus(reader.GetString(5)),
        Loss = SqliteValues.ToDouble(reader, 6),
        Metric = SqliteValues.ToDouble(reader, 7),
        SpentBudget = SqliteValues.ToNullableDouble(reader, 8),
        DurationMs = SqliteValues.ToDouble(reader, 9),
        Error = SqliteValues.ToText(reader, 10),
        StartedAtUtc = SqliteValues.ToTime(reader, 11),
        EndedAtUtc = SqliteValues.ToNullableTime(reader, 12),
        Note = SqliteValues.ToText(reader, 13),
    };

    // Every trial's values in one pass, by trial and ascending step (the primary key's order).
    private Dictionary<int, List<IntermediateValue>> ReadCurves(SqliteTransaction tx, long studyId)
    {
        var curves = new Dictionary<int, List<IntermediateValue>>();
        using var command = Command(tx, "SELECT trial_id, step, value FROM intermediate_values WHERE study_id = $study ORDER BY trial_id, step;",
            ("$study", studyId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            if (!curves.TryGetValue(id, out var curve))
                curves[id] = curve = [];
            curve.Add(new IntermediateValue(SqliteValues.ToDouble(reader, 1), SqliteValues.ToDouble(reader, 2)));
        }
        return curves;
    }

    private TrialStatus? ReadStatus(SqliteTransaction tx, long studyId, int trialId) =>
        Scalar(tx, "SELECT status FROM trials WHERE study_id = $study AND trial_id = $trial_id;",
            ("$study", studyId), ("$trial_id", trialId)) is string text
            ? SqliteValues.ToStatus(text)
            : null;

    // ---- commands ----

    private SqliteCommand Command(SqliteTransaction tx, string sql, params (string Name, object Value)[] arguments)
    {
        var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in arguments)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    private void Execute(SqliteTransaction tx, string sql, params (string Name, object Value)[] arguments)
    {
        using var command = Command(tx, sql, arguments);
        command.ExecuteNonQuery();
    }

    private object? Scalar(SqliteTransaction tx, string sql, params (string Name, object Value)[] arguments)
    {
        using var command = Command(tx, sql, arguments);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
