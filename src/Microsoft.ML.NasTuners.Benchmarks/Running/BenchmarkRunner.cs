using System.Diagnostics;
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
    /// <exception cref="ArgumentException">The plan names an unknown problem or tuner, or is otherwise invalid.</exception>
    /// <exception cref="InvalidOperationException">A tuner threw while proposing or learning.</exception>
    public IReadOnlyList<TrialRecord> Run(BenchmarkPlan plan, IProgress<BenchmarkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Validate(plan);
        var runs = (from problem in plan.Problems
                    from tuner in plan.Tuners
                    from seed in plan.Seeds
                    select (Problem: problem, Tuner: tuner, Seed: seed)).ToArray();
        var results = new IReadOnlyList<TrialRecord>[runs.Length];
        var totalTrials = (long)runs.Length * plan.Trials;
        var gate = new object();
        long completedTrials = 0;
        var completedRuns = 0;

        void Report(bool runFinished)
        {
            // Under a lock so that the counts the observer sees only grow.
            lock (gate)
            {
                if (runFinished) completedRuns++;
                else completedTrials++;
                progress?.Report(new BenchmarkProgress(completedTrials, totalTrials, completedRuns, runs.Length));
            }
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = plan.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, runs.Length, options, i =>
            {
                var (problemName, tunerName, seed) = runs[i];
                // Fresh instances per run: nothing mutable is shared between threads.
                var problem = BenchmarkProblems.Create(problemName);
                var tuner = Tuners.Create(tunerName, problem.SearchSpace, seed, problem);
                results[i] = RunOne(problem, tunerName, tuner, seed, plan.Trials, plan.Parallel, _ => Report(runFinished: false), cancellationToken);
                Report(runFinished: true);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        return results.SelectMany(r => r)
            .OrderBy(r => r.Problem, StringComparer.Ordinal)
            .ThenBy(r => r.Tuner, StringComparer.Ordinal)
            .ThenBy(r => r.Seed)
            .ThenBy(r => r.Trial)
            .ToArray();
    }

    /// <summary>
    /// Runs one tuner on one problem for <paramref name="trials"/> trials. With <paramref name="parallel"/> = N it
    /// simulates N workers deterministically: it proposes N trials before the first update, then repeatedly completes
    /// the oldest pending trial (evaluate, update) and proposes a new one. A trial whose objective throws is recorded
    /// as <see cref="TrialStatus.Failed"/> and the tuner is told; the run goes on.
    /// </summary>
    /// <param name="problem">The problem.</param>
    /// <param name="tunerName">The name written into the records.</param>
    /// <param name="tuner">A fresh tuner for this run.</param>
    /// <param name="seed">The seed written into the records (the tuner was created with it).</param>
    /// <param name="trials">Number of trials, at least 1.</param>
    /// <param name="parallel">Number of simulated workers, at least 1.</param>
    /// <param name="onTrial">Called after each trial with its record.</param>
    /// <param name="cancellationToken">Stops the run between trials.</param>
    /// <returns>The records in trial order.</returns>
    /// <exception cref="InvalidOperationException">The tuner threw while proposing or learning.</exception>
    public static IReadOnlyList<TrialRecord> RunOne(IBenchmarkProblem problem, string tunerName, ITuner tuner, int seed, int trials,
        int parallel = 1, Action<TrialRecord>? onTrial = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentException.ThrowIfNullOrEmpty(tunerName);
        ArgumentNullException.ThrowIfNull(tuner);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);

        var records = new List<TrialRecord>(trials);
        var pending = new Queue<(TrialSettings Settings, double ProposeMs)>(parallel);
        var nextTrial = 0;
        double? best = null;

        string Where(int trial) => $"problem '{problem.Name}', seed {seed}, trial {trial}";

        void ProposeNext()
        {
            var settings = new TrialSettings { TrialId = nextTrial++ };
            var started = Stopwatch.GetTimestamp();
            Parameter proposed;
            try
            {
                proposed = tuner.Propose(settings);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException($"Tuner '{tunerName}' failed to propose ({Where(settings.TrialId)}): {e.Message}", e);
            }
            var proposeMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            settings.Parameter = proposed ?? throw new InvalidOperationException($"Tuner '{tunerName}' proposed null ({Where(settings.TrialId)}).");
            pending.Enqueue((settings, proposeMs));
        }

        while (pending.Count < parallel && nextTrial < trials)
            ProposeNext();

        while (pending.TryDequeue(out var item))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (settings, proposeMs) = item;
            var loss = double.NaN;
            var status = TrialStatus.Succeeded;
            string? error = null;
            settings.StartedAtUtc = DateTime.UtcNow;
            var started = Stopwatch.GetTimestamp();
            try
            {
                loss = problem.Evaluate(settings.Parameter, settings.Budget);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                status = TrialStatus.Failed;
                error = $"{e.GetType().Name}: {e.Message}";
            }
            var evalMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            settings.EndedAtUtc = DateTime.UtcNow;

            var budget = settings.Budget ?? problem.MaxBudget;
            var atFullBudget = problem.MaxBudget is null || budget == problem.MaxBudget;
            var usable = status == TrialStatus.Succeeded && double.IsFinite(loss);
            if (usable && atFullBudget && (best is null || loss < best))
                best = loss;

            var record = new TrialRecord
            {
                Problem = problem.Name,
                Tuner = tunerName,
                Seed = seed,
                Trial = settings.TrialId,
                Budget = budget,
                Loss = usable ? loss : null,
                Best = best,
                Regret = best - problem.OptimalValue,
                ProposeMs = proposeMs,
                EvalMs = evalMs,
                Status = status,
                Error = error,
                Parameter = settings.Parameter,
            };
            records.Add(record);

            try
            {
                tuner.Update(new TrialResult
                {
                    TrialSettings = settings,
                    Loss = loss,
                    DurationInMilliseconds = evalMs,
                    Status = status,
                    Error = error,
                });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException($"Tuner '{tunerName}' failed to learn from a result ({Where(settings.TrialId)}): {e.Message}", e);
            }
            onTrial?.Invoke(record);

            if (nextTrial < trials)
                ProposeNext();
        }
        return records;
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
        if (plan.MaxDegreeOfParallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(plan), plan.MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be at least 1.");
    }
}
