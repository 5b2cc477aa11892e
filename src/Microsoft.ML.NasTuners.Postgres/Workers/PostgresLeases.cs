using System.Globalization;
using Microsoft.ML.NasTuners.Storage;
using Npgsql;

namespace Microsoft.ML.NasTuners.Postgres;

/// <summary>
/// The leases table, <c>nastuners_trial_leases</c>: one row per running trial of a worker, naming the worker and when
/// it last sent a heartbeat. Times are the server's <c>now()</c>, never a worker's clock, so machines whose clocks
/// disagree still agree on which lease has run out.
/// </summary>
/// <remarks>
/// The re-queue policy: when a trial's lease runs out (no heartbeat for the lease's length), the next worker to start
/// a trial marks it <see cref="TrialStatus.Failed"/> ("lease expired") and queues a repeat of it (same parameter,
/// budget and configuration), which the next trial to start takes, with a new number. A trial is re-queued once: when
/// the repeat's lease runs out too, it is marked failed and not repeated again. A result that arrives after its lease
/// ran out is refused (<see cref="StudyWorker.Tell(TrialLease, double, double)"/> returns false): the study keeps the
/// failure and the repeat's result, so a trial never has two results.
/// </remarks>
internal static class PostgresLeases
{
    public const string ExpiredError = "lease expired";

    /// <summary>Takes the lease of a trial just written, heartbeat now.</summary>
    public static void Take(NpgsqlConnection c, NpgsqlTransaction tx, long studyId, int trialId, string worker, TimeSpan lease) =>
        PostgresTrialStore.Execute(c, tx,
            "INSERT INTO nastuners_trial_leases (study_id, trial_id, worker, heartbeat_at, lease_ms) VALUES (@study, @trial, @worker, now(), @lease);",
            ("study", studyId), ("trial", trialId), ("worker", worker), ("lease", lease.TotalMilliseconds));

    /// <summary>Renews a lease; false when the worker no longer holds it (it ran out and the trial was failed).</summary>
    public static bool Heartbeat(PostgresTrialStore store, long studyId, int trialId, string worker) =>
        store.ExecuteOnce(
            "UPDATE nastuners_trial_leases SET heartbeat_at = now() WHERE study_id = @study AND trial_id = @trial AND worker = @worker;",
            ("study", studyId), ("trial", trialId), ("worker", worker)) == 1;

    /// <summary>True while <paramref name="worker"/> holds the lease of the running trial <paramref name="trialId"/>.</summary>
    public static bool Holds(NpgsqlConnection c, NpgsqlTransaction tx, long studyId, int trialId, string worker) =>
        PostgresTrialStore.Scalar(c, tx,
            "SELECT worker FROM nastuners_trial_leases WHERE study_id = @study AND trial_id = @trial;",
            ("study", studyId), ("trial", trialId)) as string == worker;

    /// <summary>Fails every running trial whose lease ran out and queues its repeat by the policy above. The caller
    /// holds the study's lock.</summary>
    /// <returns>The trials failed, by number.</returns>
    public static IReadOnlyList<int> ExpireOverdue(NpgsqlConnection c, NpgsqlTransaction tx, long studyId)
    {
        var overdue = new List<(int Trial, string Worker, double Silent)>();
        using (var command = new NpgsqlCommand(
                   "SELECT l.trial_id, l.worker, EXTRACT(EPOCH FROM now() - l.heartbeat_at)::float8 FROM nastuners_trial_leases l " +
                   "JOIN nastuners_trials t ON t.study_id = l.study_id AND t.trial_id = l.trial_id " +
                   "WHERE l.study_id = @study AND t.status = 'Running' AND l.heartbeat_at + l.lease_ms * interval '1 millisecond' < now() " +
                   "ORDER BY l.trial_id;", c, tx))
        {
            command.Parameters.AddWithValue("study", studyId);
            using var reader = command.ExecuteReader();
            while (reader.Read()) overdue.Add((reader.GetInt32(0), reader.GetString(1), reader.GetDouble(2)));
        }
        foreach (var (trialId, worker, silent) in overdue)
        {
            var logged = PostgresTrialStore.ReadTrials(c, tx, studyId, "trial_id = @trial", ("trial", trialId)).Single();
            var requeue = logged.RequeueOf is null;
            var error = string.Create(CultureInfo.InvariantCulture,
                $"{ExpiredError}: no heartbeat from worker {worker} for {silent:0.0} s (database clock); ") +
                (requeue ? "re-queued as a new trial" : $"not re-queued again (it repeats trial {logged.RequeueOf})");
            PostgresTrialStore.WriteResult(c, tx, studyId,
                logged.Trial with { Status = TrialStatus.Failed, Error = error, EndedAtUtc = DateTime.UtcNow }, superseded: requeue);
            if (requeue)
                Queue(c, tx, studyId, logged.Trial);
        }
        return overdue.Select(o => o.Trial).ToList();
    }

    /// <summary>The oldest queued repeat, taken off the queue, or null.</summary>
    public static (int RequeueOf, StudyTrial Trial)? TakeQueued(NpgsqlConnection c, NpgsqlTransaction tx, long studyId)
    {
        using var command = new NpgsqlCommand(
            "DELETE FROM nastuners_trial_queue WHERE queue_id = (SELECT MIN(queue_id) FROM nastuners_trial_queue WHERE study_id = @study) " +
            "RETURNING requeue_of, parameter_json, budget, config_id, previous_budget;", c, tx);
        command.Parameters.AddWithValue("study", studyId);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return (reader.GetInt32(0), new StudyTrial
        {
            Id = -1,
            Parameter = Parameter.Parse(reader.GetString(1)),
            Budget = reader.IsDBNull(2) ? null : reader.GetDouble(2),
            ConfigId = reader.IsDBNull(3) ? null : reader.GetInt32(3),
            PreviousBudget = reader.IsDBNull(4) ? null : reader.GetDouble(4),
        });
    }

    private static void Queue(NpgsqlConnection c, NpgsqlTransaction tx, long studyId, StudyTrial trial)
    {
        using var command = new NpgsqlCommand(
            "INSERT INTO nastuners_trial_queue (study_id, requeue_of, parameter_json, budget, config_id, previous_budget) " +
            "VALUES (@study, @of, @parameter, @budget, @config, @previous);", c, tx);
        command.Parameters.AddWithValue("study", studyId);
        command.Parameters.AddWithValue("of", trial.Id);
        command.Parameters.AddWithValue("parameter", trial.Parameter.ToString());
        command.Parameters.Add(new NpgsqlParameter("budget", NpgsqlTypes.NpgsqlDbType.Double) { Value = (object?)trial.Budget ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("config", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)trial.ConfigId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("previous", NpgsqlTypes.NpgsqlDbType.Double) { Value = (object?)trial.PreviousBudget ?? DBNull.Value });
        command.ExecuteNonQuery();
    }
}
