namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>The trials of one (problem, tuner, seed) run, in trial order.</summary>
internal sealed record BaselineRun(string Problem, string Tuner, int Seed, IReadOnlyList<BaselineTrial> Trials)
{
    /// <summary>"branin / tpe / seed 1".</summary>
    internal string Name => NameOf(Problem, Tuner, Seed);

    internal static string NameOf(string problem, string tuner, int seed) => $"{problem} / {tuner} / seed {seed}";

    /// <summary>Orders runs as <see cref="BenchmarkRunner.Run(BenchmarkPlan, IProgress{BenchmarkProgress}?, CancellationToken)"/> orders its records, so baselines and differences
    /// list runs in the same order as the records they came from.</summary>
    internal static int CompareRuns(BaselineRun a, BaselineRun b)
    {
        var byProblem = string.CompareOrdinal(a.Problem, b.Problem);
        if (byProblem != 0) return byProblem;
        var byTuner = string.CompareOrdinal(a.Tuner, b.Tuner);
        return byTuner != 0 ? byTuner : a.Seed.CompareTo(b.Seed);
    }

    /// <summary>Groups records into runs, sorted like <see cref="BenchmarkRunner.Run(BenchmarkPlan, IProgress{BenchmarkProgress}?, CancellationToken)"/>'s output.</summary>
    /// <exception cref="ArgumentException">A run's trial numbers are not 0, 1, 2, ... (a trial is missing or
    /// repeated), which would make "the first trial that moved" meaningless.</exception>
    internal static IReadOnlyList<BaselineRun> FromRecords(IEnumerable<TrialRecord> records, string paramName)
    {
        ArgumentNullException.ThrowIfNull(records, paramName);
        var runs = new List<BaselineRun>();
        foreach (var group in records.GroupBy(r => (r.Problem, r.Tuner, r.Seed)))
        {
            var (problem, tuner, seed) = group.Key;
            var ordered = group.OrderBy(r => r.Trial).ToArray();
            for (var i = 0; i < ordered.Length; i++)
            {
                if (ordered[i].Trial != i)
                    throw new ArgumentException(
                        $"The records of {NameOf(problem, tuner, seed)} do not number their trials 0 to {ordered.Length - 1}: "
                        + (ordered[i].Trial > i ? $"trial {i} is missing." : $"trial {ordered[i].Trial} is repeated."), paramName);
            }
            runs.Add(new BaselineRun(problem, tuner, seed, ordered.Select(BaselineTrial.FromRecord).ToArray()));
        }
        runs.Sort(CompareRuns);
        return runs;
    }
}
