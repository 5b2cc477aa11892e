namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// What a benchmark plan produced, kept to check later that every tuner still proposes and scores the same: the plan,
/// and per (problem, tuner, seed) run and trial the loss, budget, status and a fingerprint of the proposed parameter.
/// Timings, regrets and errors are left out: they follow from these or vary from machine to machine.
/// </summary>
/// <remarks>Runs are deterministic (see <see cref="BenchmarkRunner"/>), so re-running <see cref="Plan"/> reproduces
/// the baseline exactly unless a tuner, problem or the runner changed; <see cref="Compare"/> then names the runs that
/// moved and the first trial where each did.</remarks>
public sealed class BenchmarkBaseline
{
    internal BenchmarkBaseline(BenchmarkPlan plan, IReadOnlyList<BaselineRun> runs)
    {
        Plan = plan;
        Runs = runs;
    }

    /// <summary>The plan that made the records, to re-run. <see cref="BenchmarkPlan.MaxDegreeOfParallelism"/> is not
    /// kept (it never changes results) and is the default.</summary>
    public BenchmarkPlan Plan { get; }

    /// <summary>The runs, ordered by (problem, tuner, seed) like <see cref="BenchmarkRunner.Run(BenchmarkPlan, IProgress{BenchmarkProgress}?, CancellationToken)"/>'s records.</summary>
    internal IReadOnlyList<BaselineRun> Runs { get; }

    /// <summary>A baseline of <paramref name="records"/>, which <paramref name="plan"/> produced.</summary>
    /// <exception cref="ArgumentException">A record belongs to a problem, tuner or seed the plan does not name, or a
    /// run's trials are not numbered 0, 1, 2, ...</exception>
    public static BenchmarkBaseline FromRecords(BenchmarkPlan plan, IEnumerable<TrialRecord> records)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var runs = BaselineRun.FromRecords(records, nameof(records));
        var stray = runs.FirstOrDefault(r => !plan.Problems.Contains(r.Problem) || !plan.Tuners.Contains(r.Tuner) || !plan.Seeds.Contains(r.Seed));
        if (stray is not null)
            throw new ArgumentException($"The records hold {stray.Name}, which the plan does not run.", nameof(records));
        return new BenchmarkBaseline(WithoutMachineSettings(plan), runs);
    }

    /// <summary>Writes the baseline to a UTF-8 JSON file, replacing it: a header with <c>"format": 1</c> and the plan,
    /// then one line per run, so that a diff of two baselines shows which runs changed.</summary>
    public void Write(string path) => BenchmarkBaselineFile.Write(path, this);

    /// <summary>Reads a baseline written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not JSON, is of another format version, or has a missing or
    /// bad field; the message names the file and the field.</exception>
    public static BenchmarkBaseline Read(string path) => BenchmarkBaselineFile.Read(path);

    /// <summary>Compares the records of a re-run of <see cref="Plan"/> with the baseline.</summary>
    /// <returns>One difference per run that moved (at its first differing trial) or that exists on one side only,
    /// ordered by (problem, tuner, seed); empty when the re-run reproduced the baseline exactly.</returns>
    /// <exception cref="ArgumentException">A run's trials are not numbered 0, 1, 2, ...</exception>
    public IReadOnlyList<BaselineDifference> Compare(IEnumerable<TrialRecord> records)
    {
        var rerun = BaselineRun.FromRecords(records, nameof(records));
        var differences = new List<BaselineDifference>();
        // Both lists are sorted the same way, so one merge pass pairs the runs and finds those on one side only.
        int b = 0, r = 0;
        while (b < Runs.Count || r < rerun.Count)
        {
            var order = b == Runs.Count ? 1 : r == rerun.Count ? -1 : BaselineRun.CompareRuns(Runs[b], rerun[r]);
            if (order < 0)
            {
                differences.Add(BaselineDifference.MissingFromRerun(Runs[b++]));
            }
            else if (order > 0)
            {
                differences.Add(BaselineDifference.MissingFromBaseline(rerun[r++]));
            }
            else if (BaselineDifference.Between(Runs[b++], rerun[r++]) is { } moved)
            {
                differences.Add(moved);
            }
        }
        return differences;
    }

    // A copy, so later changes to the caller's lists cannot alter the baseline, and one that reads back equal.
    private static BenchmarkPlan WithoutMachineSettings(BenchmarkPlan plan) => new()
    {
        Problems = plan.Problems.ToArray(),
        Tuners = plan.Tuners.ToArray(),
        Seeds = plan.Seeds.ToArray(),
        Trials = plan.Trials,
        Parallel = plan.Parallel,
        BudgetLimit = plan.BudgetLimit,
        CountContinuation = plan.CountContinuation,
        YahpoTask = plan.YahpoTask,
    };
}
