using System.Globalization;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary><c>bench --verify FILE</c>: re-runs a committed baseline's plan and compares every trial exactly, so that a
/// change in any tuner's proposals is caught and named.</summary>
internal static class VerifyAction
{
    /// <summary>Runs the check: exit 0 when every run reproduces, 1 when a run moved (each named on stdout) or the
    /// plan cannot run here, 2 when the file cannot be read.</summary>
    public static int Run(CliContext context, string path, int threads, CancellationToken cancellationToken)
    {
        BenchmarkBaseline baseline;
        try
        {
            baseline = BenchmarkBaseline.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            context.Stderr.WriteLine($"error: --verify: {e.Message}");
            return ExitCodes.Usage;
        }
        var plan = baseline.Plan with { MaxDegreeOfParallelism = threads };
        foreach (var problem in plan.Problems)
        {
            if (BenchmarkProblems.MissingData(problem) is { } reason)
            {
                context.Stderr.WriteLine($"error: --verify: the baseline runs {problem}, which cannot run here. {reason}");
                return ExitCodes.Failure;
            }
        }

        var runner = new BenchmarkRunner(context.Tuners);
        IReadOnlyList<TrialRecord> records;
        try
        {
            var runs = runner.Runs(plan).Count;
            var perRun = plan.BudgetLimit is { } k ? (long)Math.Ceiling(k) : plan.Trials;
            context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench: verifying {path}: {runs} run(s) of {plan.Problems.Count} problem(s) × {plan.Tuners.Count} tuner(s) × {plan.Seeds.Count} seed(s)"));
            records = ProgressDisplay.Run(context, runs * perRun, progress => runner.Run(plan, progress, cancellationToken));
        }
        catch (OperationCanceledException)
        {
            context.Stderr.WriteLine("bench: cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            context.Stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }

        var differences = baseline.Compare(records);
        var total = records.Select(r => (r.Problem, r.Tuner, r.Seed)).Distinct().Count();
        if (differences.Count == 0)
        {
            context.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"verify: {path}: all {total} runs reproduce the baseline exactly."));
            return ExitCodes.Success;
        }
        foreach (var difference in differences)
            context.Stdout.WriteLine(difference.ToString());
        context.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verify: {path}: {differences.Count} of {total} runs moved. If the change is meant, measure it, then update the baseline (bench ... --write-baseline {path}) and the docs tables in the same commit."));
        return ExitCodes.Failure;
    }
}
