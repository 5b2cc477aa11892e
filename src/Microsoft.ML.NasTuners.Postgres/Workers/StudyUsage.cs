using Npgsql;

namespace Microsoft.ML.NasTuners.Postgres;

/// <summary>What a study has used of its limits, read under its lock so that no other worker changes it meanwhile.</summary>
/// <param name="Counted">Trials that count toward the trial limit: all but those superseded by their repeat.</param>
/// <param name="Running">Trials running now.</param>
/// <param name="CommittedBudget">The budget spent by ended trials plus the budget running ones will spend (their
/// budget less the budget they continue from), as the experiment loop counts it.</param>
/// <param name="Age">How long ago the study was created, by the database's clock.</param>
internal sealed record StudyUsage(int Counted, int Running, double CommittedBudget, TimeSpan Age)
{
    public static StudyUsage Read(NpgsqlConnection c, NpgsqlTransaction tx, long studyId)
    {
        using var command = new NpgsqlCommand("""
            SELECT COUNT(*) FILTER (WHERE NOT t.superseded)::int,
                   COUNT(*) FILTER (WHERE t.status = 'Running')::int,
                   COALESCE(SUM(CASE WHEN t.status = 'Running' THEN COALESCE(t.budget, 0) - COALESCE(t.previous_budget, 0)
                                     ELSE COALESCE(t.spent_budget, 0) END), 0)::float8,
                   (SELECT EXTRACT(EPOCH FROM now() - s.created_at)::float8 FROM nastuners_studies s WHERE s.study_id = @study)
            FROM nastuners_trials t WHERE t.study_id = @study;
            """, c, tx);
        command.Parameters.AddWithValue("study", studyId);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new StudyUsage(reader.GetInt32(0), reader.GetInt32(1), reader.GetDouble(2), TimeSpan.FromSeconds(reader.GetDouble(3)));
    }
}
