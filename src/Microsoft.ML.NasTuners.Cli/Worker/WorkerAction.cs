using System.Globalization;
using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Benchmarks.Pruning;
using Microsoft.ML.NasTuners.Postgres;

namespace Microsoft.ML.NasTuners.Cli.Worker;

/// <summary>
/// What <c>nas-tuners worker</c> does: joins a PostgreSQL study as one of its workers and runs trials until the
/// study's limits are reached, reporting each trial on stderr and a summary line on stdout.
/// </summary>
internal static class WorkerAction
{
    /// <summary>The study attributes every worker of a study must agree on, besides the limits.</summary>
    internal const string TunerKey = "worker.tuner";
    internal const string SeedKey = "worker.seed";
    internal const string ObjectiveKey = "worker.objective";
    internal const string WorkersKey = "worker.workers";
    // Written only when a pruner is given, so that studies of workers without one open as they always did.
    internal const string PrunerKey = "worker.pruner";

    public static async Task<int> RunAsync(CliContext context, WorkerSettings s, CancellationToken cancellationToken)
    {
        if ((s.Problem is null) == (s.Objective is null))
            return Usage(context, "give one of --problem (a benchmark problem) or --objective (path/to/Assembly.dll:Namespace.Type.Method).");
        if (!PostgresLocation.IsUrl(s.Storage) && !s.Storage.Contains('='))
            return Usage(context, "a worker's --storage is a PostgreSQL store: postgresql://user:password@host:port/database.");
        if (s.Workers < 1 || s.MaxTrials is < 0 || s.LeaseSeconds <= 0)
            return Usage(context, "--workers must be at least 1, --max-trials at least 0 and --lease-seconds more than 0.");
        if (Pruning.PrunerOption.Problem(s.Pruner) is { } badPruner)
            return Usage(context, badPruner);
        var pruning = s.Pruner != Pruning.PrunerOption.None;

        IBenchmarkProblem? problem = null;
        try
        {
            UserObjective? user = null;
            if (s.Objective is not null) user = UserObjective.Load(s.Objective);
            else problem = BenchmarkProblems.Create(s.Problem!);
            var space = user?.SearchSpace ?? problem!.SearchSpace;
            // With a pruner a multi-fidelity problem is learning curves: the tuner proposes full trainings, each trial
            // reports every epoch, and the pruner decides how far it goes; the study then has no budget range.
            var curves = pruning && problem is not null;
            if (curves && !LearningCurves.Has(problem!))
                return Usage(context, $"--pruner needs learning curves: problem '{problem!.Name}' has no budget range to train epoch by epoch; use a multi-fidelity problem such as mf_hartmann6, or an --objective that reports.");
            if (pruning && user is not null && s.Pruner == "hyperband")
                return Usage(context, "--pruner hyperband takes its brackets from a problem's epochs; with --objective use median, percentile or asha.");
            BudgetRange? budget = !curves && problem is { MinBudget: { } min, MaxBudget: { } max } ? new BudgetRange(min, max) : null;
            // A user's objective reports from step 1 on.
            var pruner = BenchmarkPruners.Create(s.Pruner, problem?.MinBudget ?? 1, problem?.MaxBudget ?? 1);

            using var store = new PostgresTrialStore(s.Storage);
            var options = new StudyWorkerOptions
            {
                MaxTrials = s.MaxTrials,
                TimeLimit = s.TimeLimitSeconds is { } t ? TimeSpan.FromSeconds(t) : null,
                BudgetLimit = s.BudgetLimit,
                Budget = budget,
                LeaseDuration = TimeSpan.FromSeconds(s.LeaseSeconds),
                HeartbeatInterval = s.HeartbeatSeconds is { } h ? TimeSpan.FromSeconds(h) : null,
                WorkerName = s.Name,
                Pruner = pruner,
                Progress = context.Quiet ? null : new WorkerProgressLines(context.Stderr),
            };
            var attributes = new Dictionary<string, string>
            {
                [TunerKey] = s.Tuner,
                [SeedKey] = s.Seed.ToString(CultureInfo.InvariantCulture),
                [ObjectiveKey] = user?.Name ?? problem!.Name,
                [WorkersKey] = s.Workers.ToString(CultureInfo.InvariantCulture),
            };
            if (pruning) attributes[PrunerKey] = s.Pruner;
            // The tuner is built as `bench` builds it for this many trials and workers, the same in every worker.
            var shape = new RunShape(s.MaxTrials, s.Workers);
            var tunerProblem = curves ? LearningCurves.TunerView(problem!) : problem;
            Func<SearchSpace, int, ITuner> tuner = tunerProblem is not null
                ? (sp, seed) => context.Tuners.Create(s.Tuner, sp, seed, tunerProblem, shape)
                : (sp, seed) => context.Tuners.Create(s.Tuner, sp, seed, new UserProblem(sp), shape);
            using var worker = StudyWorker.Open(store, s.Study, space, tuner, s.Seed, options, attributes);
            context.Stderr.WriteLine($"worker {worker.Name} joined study {s.Study} at PostgreSQL {store.Location}");

            var summary = await worker.RunAsync(async (trial, ct) =>
            {
                if (s.Delay.For(s.Seed, trial.TrialId) is var ms and > 0) await Task.Delay(ms, ct).ConfigureAwait(false);
                if (user is not null) return await user.EvaluateAsync(trial, ct).ConfigureAwait(false);
                return curves ? LearningCurves.Train(problem!, trial.Parameter, trial, ct.ThrowIfCancellationRequested) : problem!.Evaluate(trial.Parameter, trial.Budget);
            }, cancellationToken).ConfigureAwait(false);

            context.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"worker {worker.Name}: {summary.Recorded} recorded, {summary.Refused} refused; ask {summary.AskTime.TotalMilliseconds:0.0} ms, " +
                $"tuner {summary.TunerTime.TotalMilliseconds:0.0} ms, store {summary.StoreTimePerTrial.TotalMilliseconds:0.000} ms per trial"));
            return cancellationToken.IsCancellationRequested ? ExitCodes.Cancelled : ExitCodes.Success;
        }
        catch (ArgumentException e)
        {
            return Usage(context, e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or Npgsql.NpgsqlException or BadImageFormatException)
        {
            context.Stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        finally
        {
            (problem as IDisposable)?.Dispose();
        }
    }

    private static int Usage(CliContext context, string message)
    {
        context.Stderr.WriteLine($"error: {message}");
        return ExitCodes.Usage;
    }
}
