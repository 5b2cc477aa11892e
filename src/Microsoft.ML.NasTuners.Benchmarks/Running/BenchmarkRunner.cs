using System.Runtime.ExceptionServices;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// Runs tuners on benchmark problems. A run is one (problem, tuner, seed) for a number of trials; it is
/// deterministic, including its simulation of parallel workers, so its records (timings aside) depend only on
/// (problem, tuner, seed, trials, parallel). Runs execute on several threads at once and the records come back
/// sorted by (problem, tuner, seed, trial), so the thread count never changes the output.
/// </summary>
public sealed class BenchmarkRunner
{
    /// <summary>Creates a runner over the standard tuners (<see cref="BenchmarkTuners.CreateRegistry"/>).</summary>
    public BenchmarkRunner()
        : this(BenchmarkTuners.CreateRegistry())
    {
    }

    /// <summary>Creates a runner over the given tuners.</summary>
    public BenchmarkRunner(TunerRegistry tuners)
    {
        Tuners = tuners ?? throw new ArgumentNullException(nameof(tuners));
    }

    /// <summary>The tuners this runner can run.</summary>
    public TunerRegistry Tuners { get; }

    /// <summary>Runs every (problem, tuner, seed) of <paramref name="plan"/>.</summary>
    /// <param name="plan">What to run.</param>
    /// <param name="progress">Told after every trial, from worker threads, one call at a time.</param>
    /// <param name="cancellationToken">Stops the runs.</param>
    /// <returns>All trial records, sorted by (problem, tuner, seed, trial), names compared ordinally.</returns>
    /// <remarks>Holds every record until the end; a long benchmark should stream through
    /// <see cref="Run(BenchmarkPlan, IReadOnlyList{BenchmarkRunId}, IBenchmarkRunObserver, IProgress{BenchmarkProgress}?, CancellationToken)"/> instead.</remarks>
    /// <exception cref="ArgumentException">The plan names an unknown problem or tuner, or is otherwise invalid.</exception>
    /// <exception cref="InvalidOperationException">A tuner threw while proposing or learning.</exception>
    public IReadOnlyList<TrialRecord> Run(BenchmarkPlan plan, IProgress<BenchmarkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var collector = new RecordCollector();
        Run(plan, Runs(plan), collector, progress, cancellationToken);
        return collector.Sorted();
    }

    /// <summary>The runs of <paramref name="plan"/>: every (problem, tuner, seed) in the order the plan names them,
    /// less the pairs of <see cref="Skipped"/>.</summary>
    /// <exception cref="ArgumentException">The plan is invalid.</exception>
    public IReadOnlyList<BenchmarkRunId> Runs(BenchmarkPlan plan)
    {
        var skipped = Skipped(plan).Select(s => (s.Problem, s.Tuner)).ToHashSet();
        return (from problem in plan.Problems
                from tuner in plan.Tuners
                where !skipped.Contains((problem, tuner))
                from seed in plan.Seeds
                select new BenchmarkRunId(problem, tuner, seed)).ToArray();
    }

    /// <summary>Runs <paramref name="runs"/>, some or all of <see cref="Runs"/>(<paramref name="plan"/>), telling
    /// <paramref name="observer"/> of each trial as it ends and keeping none of them: memory does not grow with the
    /// number of trials.</summary>
    /// <param name="plan">What the runs are part of: their trials, workers, budget limit and threads.</param>
    /// <param name="runs">The runs to execute, each at most once.</param>
    /// <param name="observer">Told of every trial and of every run that finishes (see <see cref="IBenchmarkRunObserver"/>).</param>
    /// <param name="progress">Told after every trial, from worker threads, one call at a time; it counts only
    /// <paramref name="runs"/>.</param>
    /// <param name="cancellationToken">Stops the runs between trials; the runs that had not finished get no
    /// <see cref="IBenchmarkRunObserver.RunFinished"/>.</param>
    /// <exception cref="ArgumentException">The plan is invalid, or a run is not one of its runs or is named twice.</exception>
    /// <exception cref="InvalidOperationException">A tuner threw while proposing or learning.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public void Run(BenchmarkPlan plan, IReadOnlyList<BenchmarkRunId> runs, IBenchmarkRunObserver observer,
        IProgress<BenchmarkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(observer);
        var planned = Runs(plan).ToHashSet();
        var seen = new HashSet<BenchmarkRunId>();
        foreach (var run in runs)
        {
            if (!planned.Contains(run)) throw new ArgumentException($"The plan does not run {run}.", nameof(runs));
            if (!seen.Add(run)) throw new ArgumentException($"{run} is named twice.", nameof(runs));
        }

        // With a budget limit a run's length is its budget, so progress counts full-budget equivalents, not trials.
        var perRun = plan.BudgetLimit is { } limit ? (long)Math.Ceiling(limit) : plan.Trials;
        var totalTrials = (long)runs.Count * perRun;
        var gate = new object();
        long completedTrials = 0;
        var completedRuns = 0;
        var runningRuns = 0;
        var doneByRun = new long[runs.Count];

        void Report(int run, long done, bool runFinished, RunStanding? latest = null)
        {
            // Under a lock so that the counts the observer sees only grow.
            lock (gate)
            {
                if (runFinished)
                {
                    completedRuns++;
                    done = perRun;
                }
                done = Math.Min(done, perRun);
                if (done > doneByRun[run])
                {
                    completedTrials += done - doneByRun[run];
                    doneByRun[run] = done;
                }
                else if (!runFinished)
                {
                    return;
                }
                progress?.Report(new BenchmarkProgress(completedTrials, totalTrials, completedRuns, runs.Count) { RunningRuns = Volatile.Read(ref runningRuns), Latest = latest });
            }
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = plan.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, runs.Count, options, i =>
            {
                var run = runs[i];
                // Fresh instances per run: nothing mutable is shared between threads.
                var problem = BenchmarkProblems.Create(run.Problem, plan.YahpoTask, run.Seed);
                Interlocked.Increment(ref runningRuns);
                try
                {
                    var shape = new RunShape(plan.BudgetLimit is null ? plan.Trials : null, plan.Parallel);
                    var tuner = Tuners.Create(run.Tuner, problem.SearchSpace, run.Seed, problem, shape);
                    var full = problem.MaxBudget ?? 1;
                    RunTrials(problem, run.Tuner, tuner, run.Seed, plan.Trials, plan.Parallel,
                        record =>
                        {
                            // The observer first, so that what progress reports as done has been seen.
                            observer.TrialFinished(record);
                            Report(i, plan.BudgetLimit is null ? record.Trial + 1 : (long)Math.Floor(record.SpentBudget / full + 1e-9), runFinished: false,
                                new RunStanding(run, record.Trial + 1, record.Regret));
                        },
                        cancellationToken, plan.BudgetLimit, plan.CountContinuation);
                    observer.RunFinished(run);
                }
                finally
                {
                    Interlocked.Decrement(ref runningRuns);
                    (problem as IDisposable)?.Dispose();
                }
                Report(i, perRun, runFinished: true);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    /// <summary>
    /// Runs one tuner on one problem for <paramref name="trials"/> trials, through the experiment loop users run
    /// (<see cref="NasExperiment"/>'s), so its trial states, incumbent and limits are theirs. With
    /// <paramref name="parallel"/> = N it simulates N workers deterministically: it proposes N trials before the first
    /// update, then repeatedly records the oldest pending trial (the tuner is told) and proposes a new one. A trial
    /// whose objective throws, or whose loss is NaN or infinite, is recorded as <see cref="TrialStatus.Failed"/> and the
    /// tuner is told; the run goes on.
    /// </summary>
    /// <remarks>
    /// <para>Budgets: a trial runs at the budget the tuner wrote into <see cref="TrialSettings.Budget"/>, or at the
    /// problem's full budget when it wrote none. Each record carries the run's cumulative spent budget: a trial that
    /// continues a configuration (the tuner set <see cref="TrialSettings.ConfigId"/> and
    /// <see cref="TrialSettings.PreviousBudget"/>, and that configuration did run at that budget in this run) is charged
    /// only its extra budget when <paramref name="countContinuation"/> is set, as an objective that resumes training
    /// would be. A single-fidelity problem charges 1 per trial (its full budget).</para>
    /// <para>Regret: the incumbent is the best trial among those run at the highest budget reached so far; its
    /// full-fidelity loss (<see cref="IBenchmarkProblem.EvaluateFullFidelity"/>, evaluated outside the budget) is
    /// <see cref="TrialRecord.Best"/>, and (Best - f*) / <see cref="IBenchmarkProblem.RegretScale"/> the regret.</para>
    /// </remarks>
    /// <param name="problem">The problem.</param>
    /// <param name="tunerName">The name written into the records.</param>
    /// <param name="tuner">A fresh tuner for this run.</param>
    /// <param name="seed">The seed written into the records (the tuner was created with it).</param>
    /// <param name="trials">The most trials, at least 1.</param>
    /// <param name="parallel">Number of simulated workers, at least 1.</param>
    /// <param name="onTrial">Called after each trial with its record.</param>
    /// <param name="cancellationToken">Stops the run between trials.</param>
    /// <param name="budgetLimit">When set, no trial is proposed once the budget spent and pending reaches this many
    /// full budgets; null for none.</param>
    /// <param name="countContinuation">Charge a continued trial only its extra budget. Default true.</param>
    /// <returns>The records in trial order.</returns>
    /// <exception cref="InvalidOperationException">The tuner threw while proposing or learning.</exception>
    public static IReadOnlyList<TrialRecord> RunOne(IBenchmarkProblem problem, string tunerName, ITuner tuner, int seed, int trials,
        int parallel = 1, Action<TrialRecord>? onTrial = null, CancellationToken cancellationToken = default,
        double? budgetLimit = null, bool countContinuation = true)
    {
        var records = new List<TrialRecord>();
        RunTrials(problem, tunerName, tuner, seed, trials, parallel, record =>
        {
            records.Add(record);
            onTrial?.Invoke(record);
        }, cancellationToken, budgetLimit, countContinuation);
        return records;
    }

    // RunOne without the list: each record goes to onTrial only, so a run of any length holds none of them.
    private static void RunTrials(IBenchmarkProblem problem, string tunerName, ITuner tuner, int seed, int trials,
        int parallel, Action<TrialRecord> onTrial, CancellationToken cancellationToken, double? budgetLimit, bool countContinuation)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentException.ThrowIfNullOrEmpty(tunerName);
        ArgumentNullException.ThrowIfNull(tuner);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        if (budgetLimit is { } limitCheck && !(limitCheck > 0 && double.IsFinite(limitCheck)))
            throw new ArgumentOutOfRangeException(nameof(budgetLimit), budgetLimit, "The budget limit must be a finite number of full budgets greater than 0.");

        ExperimentBenchmarkRun.Run(problem, tunerName, tuner, seed, trials, parallel, onTrial, cancellationToken, budgetLimit, countContinuation);
    }

    /// <summary>
    /// The (problem, tuner) pairs of <paramref name="plan"/> that <see cref="Runs"/> leaves out because the tuner cannot
    /// search the problem (an architecture tuner on a plain function, for example), each with what the tuner needs.
    /// </summary>
    /// <exception cref="ArgumentException">The plan is invalid, or one of its tuners can search none of its problems.</exception>
    public IReadOnlyList<(string Problem, string Tuner, string Requirement)> Skipped(BenchmarkPlan plan)
    {
        Validate(plan);
        var skipped = new List<(string Problem, string Tuner, string Requirement)>();
        var problems = plan.Problems.Select(name => BenchmarkProblems.Create(name, plan.YahpoTask)).ToArray();
        foreach (var registration in plan.Tuners.Select(Tuners.Get).Where(r => r.AppliesTo is not null))
        {
            var requirement = registration.Requirement ?? "a different problem";
            var refused = problems.Where(p => !registration.CanRun(p)).Select(p => p.Name).ToArray();
            if (refused.Length == problems.Length)
                throw new ArgumentException(
                    $"Tuner '{registration.Name}' needs {requirement}, and none of the named problems ({string.Join(", ", refused)}) is one.", nameof(plan));
            skipped.AddRange(refused.Select(problem => (problem, registration.Name, requirement)));
        }
        return skipped;
    }

    private void Validate(BenchmarkPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Problems is null || plan.Problems.Count == 0) throw new ArgumentException("The plan names no problem.", nameof(plan));
        if (plan.Tuners is null || plan.Tuners.Count == 0) throw new ArgumentException("The plan names no tuner.", nameof(plan));
        if (plan.Seeds is null || plan.Seeds.Count == 0) throw new ArgumentException("The plan has no seed.", nameof(plan));
        foreach (var name in plan.Problems)
        {
            if (!BenchmarkProblems.Contains(name))
                throw new ArgumentException($"Unknown problem '{name}'. Valid problems: {string.Join(", ", BenchmarkProblems.Names)}.", nameof(plan));
        }
        foreach (var name in plan.Tuners)
        {
            if (!Tuners.Contains(name))
                throw new ArgumentException($"Unknown tuner '{name}'. Valid tuners: {string.Join(", ", Tuners.Names)}.", nameof(plan));
        }
        // Duplicates would run the same thing twice and make the sorted output ambiguous.
        if (plan.Problems.Distinct().Count() != plan.Problems.Count) throw new ArgumentException("A problem is named twice.", nameof(plan));
        if (plan.Tuners.Distinct().Count() != plan.Tuners.Count) throw new ArgumentException("A tuner is named twice.", nameof(plan));
        if (plan.Seeds.Distinct().Count() != plan.Seeds.Count) throw new ArgumentException("A seed is given twice.", nameof(plan));
        if (plan.Trials < 1)
            throw new ArgumentOutOfRangeException(nameof(plan), plan.Trials, "Trials must be at least 1.");
        if (plan.Parallel < 1)
            throw new ArgumentOutOfRangeException(nameof(plan), plan.Parallel, "Parallel (simulated workers) must be at least 1.");
        if (plan.BudgetLimit is { } limit && !(limit > 0 && double.IsFinite(limit)))
            throw new ArgumentOutOfRangeException(nameof(plan), plan.BudgetLimit, "The budget limit must be a finite number of full budgets greater than 0.");
        if (plan.MaxDegreeOfParallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(plan), plan.MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be at least 1.");
    }

    // Gathers the records of runs on several threads for the Run overload that returns them all.
    private sealed class RecordCollector : IBenchmarkRunObserver
    {
        private readonly List<TrialRecord> _records = [];

        public void TrialFinished(TrialRecord record)
        {
            lock (_records) _records.Add(record);
        }

        public void RunFinished(BenchmarkRunId run)
        {
        }

        public IReadOnlyList<TrialRecord> Sorted() => _records
            .OrderBy(r => r.Problem, StringComparer.Ordinal)
            .ThenBy(r => r.Tuner, StringComparer.Ordinal)
            .ThenBy(r => r.Seed)
            .ThenBy(r => r.Trial)
            .ToArray();
    }
}
