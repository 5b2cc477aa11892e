using Microsoft.ML.NasTuners.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Microsoft.ML.NasTuners.Postgres;

/// <summary>
/// How a <see cref="StudyTrial"/> goes into a row of <c>nastuners_trials</c> and comes back unchanged. Doubles travel
/// in binary, so NaN, the infinities and -0 survive as they are; a NaN loss or metric (meaning none) is NULL, while a
/// NaN budget is kept, as the SQLite store does.
/// </summary>
internal static class PostgresTrialRows
{
    /// <summary>The columns <see cref="Read"/> reads, in its order.</summary>
    public const string Columns =
        "trial_id, parameter_json, budget, config_id, previous_budget, status, loss, metric, spent_budget, " +
        "duration_ms, error, started_at_ticks, ended_at_ticks, note, result_seq, told_before, requeue_of, superseded";

    /// <summary>The columns a trial's own fields fill, for an INSERT or an UPDATE.</summary>
    public static readonly string[] FieldColumns =
    [
        "parameter_json", "budget", "config_id", "previous_budget", "status", "loss", "metric", "spent_budget",
        "duration_ms", "error", "started_at_ticks", "ended_at_ticks", "note",
    ];

    /// <summary>Adds the trial's fields as parameters named after <see cref="FieldColumns"/>, and its id as @trial_id.</summary>
    public static void Bind(NpgsqlCommand command, StudyTrial trial)
    {
        var p = command.Parameters;
        p.AddWithValue("trial_id", trial.Id);
        p.AddWithValue("parameter_json", trial.Parameter.ToString());
        Add(p, "budget", trial.Budget);
        p.Add(new NpgsqlParameter("config_id", NpgsqlDbType.Integer) { Value = (object?)trial.ConfigId ?? DBNull.Value });
        Add(p, "previous_budget", trial.PreviousBudget);
        p.AddWithValue("status", trial.Status.ToString());
        Add(p, "loss", double.IsNaN(trial.Loss) ? null : trial.Loss);
        Add(p, "metric", double.IsNaN(trial.Metric) ? null : trial.Metric);
        Add(p, "spent_budget", trial.SpentBudget);
        p.AddWithValue("duration_ms", trial.DurationMs);
        p.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)PostgresText.Encode(trial.Error) ?? DBNull.Value });
        p.AddWithValue("started_at_ticks", TrialStoreRules.ToUtc(trial.StartedAtUtc).Ticks);
        p.Add(new NpgsqlParameter("ended_at_ticks", NpgsqlDbType.Bigint)
        {
            Value = trial.EndedAtUtc is { } end ? TrialStoreRules.ToUtc(end).Ticks : DBNull.Value,
        });
        p.Add(new NpgsqlParameter("note", NpgsqlDbType.Text) { Value = (object?)PostgresText.Encode(trial.Note) ?? DBNull.Value });
    }

    /// <summary>Reads a row selected as <see cref="Columns"/>, with its place in the study's order of events.</summary>
    public static LoggedTrial Read(NpgsqlDataReader reader) => new(
        new StudyTrial
        {
            Id = reader.GetInt32(0),
            Parameter = Parameter.Parse(reader.GetString(1)),
            Budget = NullableDouble(reader, 2),
            ConfigId = reader.IsDBNull(3) ? null : reader.GetInt32(3),
            PreviousBudget = NullableDouble(reader, 4),
            Status = ToStatus(reader.GetString(5)),
            Loss = NullableDouble(reader, 6) ?? double.NaN,
            Metric = NullableDouble(reader, 7) ?? double.NaN,
            SpentBudget = NullableDouble(reader, 8),
            DurationMs = reader.GetDouble(9),
            Error = reader.IsDBNull(10) ? null : PostgresText.Decode(reader.GetString(10)),
            StartedAtUtc = new DateTime(reader.GetInt64(11), DateTimeKind.Utc),
            EndedAtUtc = reader.IsDBNull(12) ? null : new DateTime(reader.GetInt64(12), DateTimeKind.Utc),
            Note = reader.IsDBNull(13) ? null : PostgresText.Decode(reader.GetString(13)),
        },
        ResultSeq: reader.IsDBNull(14) ? null : reader.GetInt64(14),
        ToldBefore: reader.IsDBNull(15) ? null : reader.GetInt32(15),
        RequeueOf: reader.IsDBNull(16) ? null : reader.GetInt32(16),
        Superseded: reader.GetBoolean(17));

    private static void Add(NpgsqlParameterCollection parameters, string name, double? value) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Double) { Value = value is { } v ? v : DBNull.Value });

    private static double? NullableDouble(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);

    // By name, as the SQLite store keeps it; only the names this build writes are accepted.
    private static TrialStatus ToStatus(string text) =>
        Enum.GetNames<TrialStatus>().Contains(text, StringComparer.Ordinal) && Enum.TryParse<TrialStatus>(text, out var status)
            ? status
            : throw new InvalidOperationException(
                $"The store holds a trial with status '{text}', which this build does not know ({string.Join(", ", Enum.GetNames<TrialStatus>())}).");
}

/// <summary>A trial row with its place in the study's order of events (see <see cref="PostgresSchema"/>).</summary>
/// <param name="Trial">The trial as <see cref="ITrialStore.GetTrials"/> returns it.</param>
/// <param name="ResultSeq">When its result was written, in the store's one sequence; null while it runs.</param>
/// <param name="ToldBefore">The number the next trial had when the result was written: the result comes before that
/// trial's proposal in every worker's replay.</param>
/// <param name="RequeueOf">The trial it repeats after that one's lease expired, or null.</param>
/// <param name="Superseded">Its lease expired and it was re-queued: the study's limits count the repeat instead.</param>
internal sealed record LoggedTrial(StudyTrial Trial, long? ResultSeq, int? ToldBefore, int? RequeueOf, bool Superseded);
