namespace Microsoft.ML.NasTuners.Benchmarks;

// The precondition under which statistics of runs summarise and rank exactly as the runs' records would.
internal static class RunStatisticsChecks
{
    public static IReadOnlyList<RunStatistics> Distinct(IEnumerable<RunStatistics> runs, string parameter)
    {
        ArgumentNullException.ThrowIfNull(runs, parameter);
        var all = runs.ToArray();
        var seen = new HashSet<BenchmarkRunId>();
        foreach (var run in all)
        {
            ArgumentNullException.ThrowIfNull(run, parameter);
            if (!seen.Add(run.Run)) throw new ArgumentException($"{run.Run} appears twice.", parameter);
            // Out-of-order or missing trials would make "the last trial" and the checkpoints mean something else.
            if (!run.TrialsAreConsecutive) throw new ArgumentException($"The trials of {run.Run} are not numbered 0, 1, 2, ...", parameter);
        }
        return all;
    }
}
