using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary>What <c>bench</c> does: run the plan with progress on stderr, write the JSON Lines file if asked, print the
/// summary table on stdout.</summary>
internal static class BenchAction
{
    /// <summary>Runs the benchmark and returns the exit code; errors become one line on stderr.</summary>
    /// <param name="context">Writers and tuners.</param>
    /// <param name="settings">Binds and validates the options; throws <see cref="UsageException"/> for bad input.</param>
    /// <param name="cancellationToken">Cancelled by Ctrl+C.</param>
    public static int Run(CliContext context, Func<BenchSettings> settings, CancellationToken cancellationToken)
    {
        BenchSettings s;
        try
        {
            s = settings();
        }
        catch (UsageException e)
        {
            context.Stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }

        foreach (var (problem, reason) in s.MissingData)
            context.Stderr.WriteLine($"bench: skipping {problem}: {reason}");
        var plan = new BenchmarkPlan
        {
            Problems = s.Problems,
            Tuners = s.Tuners,
            Seeds = s.Seeds,
            Trials = s.Trials,
            Parallel = s.Parallel,
            MaxDegreeOfParallelism = s.Threads,
            BudgetLimit = s.BudgetLimit,
            CountContinuation = s.CountContinuation,
            YahpoTask = s.YahpoTask,
        };
        var runner = new BenchmarkRunner(context.Tuners);
        IReadOnlyList<(string Problem, string Tuner, string Requirement)> skipped;
        try
        {
            skipped = runner.Skipped(plan);
        }
        catch (ArgumentException e)
        {
            context.Stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        foreach (var (problem, tuner, requirement) in skipped)
            context.Stderr.WriteLine($"bench: skipping {tuner} on {problem}: it needs {requirement}.");
        var runs = (s.Problems.Count * s.Tuners.Count - skipped.Count) * s.Seeds.Count;
        var length = s.BudgetLimit is { } limit
            ? string.Create(CultureInfo.InvariantCulture, $"{limit:G6} full budgets{(s.Trials == int.MaxValue ? "" : $" (at most {s.Trials} trials)")}")
            : string.Create(CultureInfo.InvariantCulture, $"{s.Trials} trials");
        context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: {s.Problems.Count} problem(s) × {s.Tuners.Count} tuner(s) × {s.Seeds.Count} seed(s){(skipped.Count > 0 ? $" less {skipped.Count * s.Seeds.Count} skipped" : "")} = {runs} run(s) of {length}, parallel {s.Parallel}, {s.Threads} thread(s)"));

        IReadOnlyList<TrialRecord> records;
        var clock = Stopwatch.StartNew();
        try
        {
            var perRun = s.BudgetLimit is { } k ? (long)Math.Ceiling(k) : s.Trials;
            records = ProgressDisplay.Run(context, runs * perRun, progress => runner.Run(plan, progress, cancellationToken));
        }
        catch (OperationCanceledException)
        {
            context.Stderr.WriteLine("bench: cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
        {
            context.Stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: {records.Count} trials in {clock.Elapsed.TotalSeconds:0.0} s"));

        if (s.OutputPath is { } path)
        {
            try
            {
                TrialRecordJsonl.WriteFile(path, records);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                context.Stderr.WriteLine($"error: cannot write '{path}': {e.Message}");
                return ExitCodes.Failure;
            }
            context.Stderr.WriteLine($"bench: wrote {records.Count} records to {path}");
        }

        if (s.BaselinePath is { } baselinePath)
        {
            try
            {
                BenchmarkBaseline.FromRecords(plan, records).Write(baselinePath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                context.Stderr.WriteLine($"error: cannot write the baseline '{baselinePath}': {e.Message}");
                return ExitCodes.Failure;
            }
            context.Stderr.WriteLine($"bench: wrote the baseline of {records.Select(r => (r.Problem, r.Tuner, r.Seed)).Distinct().Count()} runs to {baselinePath}");
        }

        var fullBudgets = records.Select(r => r.Problem).Distinct().ToDictionary(p => p, p => FullBudget(p, s.YahpoTask));
        SummaryTable.Print(context, BenchmarkStatistics.Summarize(records, p => fullBudgets[p]));
        RankingTable.Print(context, BenchmarkRanking.Rank(records));
        return ExitCodes.Success;
    }

    private static double FullBudget(string problem, string yahpoTask)
    {
        var instance = BenchmarkProblems.Create(problem, yahpoTask);
        try
        {
            return instance.MaxBudget ?? 1;
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }
    }
}
