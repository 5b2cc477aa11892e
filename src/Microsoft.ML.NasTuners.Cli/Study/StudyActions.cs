using System.Globalization;
using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Benchmarks.Pruning;
using Microsoft.ML.NasTuners.Storage;
using Microsoft.ML.NasTuners.Visualization;
using Spectre.Console;

namespace Microsoft.ML.NasTuners.Cli.Study;

/// <summary>What the <c>study</c> subcommands do. Each returns the exit code and reports its errors as one line.</summary>
internal static class StudyActions
{
    public static int List(CliContext context, string storage) => WithStore(context, storage, store =>
    {
        var table = NewTable(context, "study", "created (UTC)", "trials", "succeeded", "failed", "running", "best loss");
        foreach (var info in store.ListStudies())
        {
            var trials = store.GetTrials(info.Name);
            table.AddRow(new Text(info.Name), new Text(info.CreatedAtUtc.ToString("u", CultureInfo.InvariantCulture)),
                Number(trials.Count), Number(trials.Count(t => t.Status == TrialStatus.Succeeded)),
                Number(trials.Count(t => t.Status is TrialStatus.Failed or TrialStatus.TimedOut)),
                Number(trials.Count(t => t.Status == TrialStatus.Running)), new Text(Loss(Best(trials)?.Loss)));
        }
        Consoles.Write(context.Stdout, context.StdoutIsTerminal, table);
        return ExitCodes.Success;
    });

    public static int Show(CliContext context, string storage, string study) => WithStore(context, storage, store =>
    {
        var info = store.FindStudy(study) ?? throw new InvalidOperationException(
            $"No study '{study}' in {CliStores.Describe(storage)}. Studies: {string.Join(", ", store.ListStudies().Select(s => s.Name))}.");
        var trials = store.GetTrials(study);
        context.Stdout.WriteLine($"study: {info.Name}");
        context.Stdout.WriteLine($"created: {info.CreatedAtUtc.ToString("O", CultureInfo.InvariantCulture)}");
        foreach (var (key, value) in info.Attributes)
            context.Stdout.WriteLine($"{key}: {value}");
        context.Stdout.WriteLine("trials: " + string.Join(", ", trials.GroupBy(t => t.Status).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}")) + $" ({trials.Count} in all)");
        if (Best(trials) is { } best)
            context.Stdout.WriteLine($"best: trial {best.Id}, loss {Loss(best.Loss)}{(best.Budget is { } b ? $" at budget {b.ToString(CultureInfo.InvariantCulture)}" : "")}, {best.Parameter}");
        // The curves' column only for a study whose trials reported, so other studies show as they always did.
        var reported = trials.Any(t => t.IntermediateValues.Count > 0);
        if (reported)
            context.Stdout.WriteLine($"intermediate values: {trials.Sum(t => t.IntermediateValues.Count)} reports by {trials.Count(t => t.IntermediateValues.Count > 0)} trials");
        var table = reported
            ? NewTable(context, "id", "status", "loss", "budget", "ms", "reported", "parameter")
            : NewTable(context, "id", "status", "loss", "budget", "ms", "parameter");
        foreach (var t in trials)
        {
            var cells = new List<Text>
            {
                Number(t.Id), new(t.Status.ToString()), new(Loss(t.Loss)), new(t.Budget?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                new(t.DurationMs.ToString("0", CultureInfo.InvariantCulture)),
            };
            if (reported) cells.Add(new Text(Reported(t)));
            cells.Add(new Text(t.Parameter.ToString()));
            table.AddRow(cells.ToArray());
        }
        Consoles.Write(context.Stdout, context.StdoutIsTerminal, table);
        return ExitCodes.Success;
    });

    public static int Export(CliContext context, string storage, string study, string format, string? output) =>
        WithStore(context, storage, store =>
        {
            var trials = store.GetTrials(study);
            using var writer = output is null ? null : new StreamWriter(output, append: false);
            var target = writer ?? context.Stdout;
            if (format == "jsonl") StudyExport.WriteJsonl(target, trials);
            else StudyExport.WriteCsv(target, trials);
            if (output is not null) context.Stderr.WriteLine($"study: wrote {trials.Count} trials to {output}");
            return ExitCodes.Success;
        });

    public static int Report(CliContext context, string storage, string study, string output, int seed)
    {
        // Reading must not create: a mistyped path would otherwise become a new, empty store with no study in it.
        if (MissingFile(storage) is { } missing)
        {
            context.Stderr.WriteLine($"error: No store at '{missing}': the file does not exist.");
            return ExitCodes.Failure;
        }
        return WithStore(context, storage, store =>
        {
            var data = StudyData.FromStore(store, study);
            StudyReport.Write(data, output, seed);
            context.Stderr.WriteLine($"study: wrote the report of {data.Trials.Count} trials to {output}");
            return ExitCodes.Success;
        });
    }

    // The file a storage string names, when it is a SQLite path (not a connection string or memory) that does not exist.
    private static string? MissingFile(string storage)
    {
        var text = storage.Trim();
        if (text.StartsWith("memory", StringComparison.OrdinalIgnoreCase) || text.Contains('=') || text.Contains("://")) return null;
        var path = text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? text["sqlite:".Length..].Trim() : text;
        return path.Length > 0 && !File.Exists(path) ? path : null;
    }

    public static async Task<int> RunAsync(CliContext context, StudyRunSettings s, CancellationToken cancellationToken)
    {
        if (!BenchmarkProblems.Contains(s.Problem))
            return Usage(context, $"Unknown problem '{s.Problem}'. Valid problems: {string.Join(", ", BenchmarkProblems.Names)}.");
        if (BenchmarkProblems.MissingData(s.Problem) is { } missing)
            return Usage(context, $"Problem '{s.Problem}' cannot run here. {missing}");
        if (!context.Tuners.Contains(s.Tuner))
            return Usage(context, $"Unknown tuner '{s.Tuner}'. Valid tuners: {string.Join(", ", context.Tuners.Names)}.");
        if (s.Trials < 1 || s.Parallel < 1 || s.TrialDelayMs < 0)
            return Usage(context, "--trials and --parallel must be at least 1, --trial-delay-ms at least 0.");

        if (Pruning.PrunerOption.Problem(s.Pruner) is { } badPruner)
            return Usage(context, badPruner);

        var problem = BenchmarkProblems.Create(s.Problem);
        // With a pruner a multi-fidelity problem is learning curves, as in `nas-tuners pruning` and `worker --pruner`.
        var curves = s.Pruner != Pruning.PrunerOption.None;
        if (curves && !LearningCurves.Has(problem))
            return Usage(context, $"--pruner needs learning curves: problem '{s.Problem}' has no budget range to train epoch by epoch; use a multi-fidelity problem such as mf_hartmann6.");
        var tunerProblem = curves ? LearningCurves.TunerView(problem) : problem;
        try
        {
            // A PostgreSQL study needs the Postgres package's store, which Core's storage strings do not open.
            using var postgres = CliStores.IsPostgres(s.Storage) ? CliStores.Open(s.Storage) : null;
            var experiment = new MLContext(s.Seed).Nas().CreateExperiment()
                .SetSearchSpace(problem.SearchSpace)
                .SetTuner((space, seed) => context.Tuners.Create(s.Tuner, space, seed, tunerProblem, new RunShape(s.Trials, s.Parallel)))
                .SetObjective(async (parameter, trial, ct) =>
                {
                    if (s.TrialDelayMs > 0) await Task.Delay(s.TrialDelayMs, ct).ConfigureAwait(false);
                    return curves ? LearningCurves.Train(problem, parameter, trial, ct.ThrowIfCancellationRequested) : problem.Evaluate(parameter, trial.Budget);
                })
                .SetMaxTrials(s.Trials)
                .SetDegreeOfParallelism(s.Parallel)
                .SetSeed(s.Seed);
            if (BenchmarkPruners.Create(s.Pruner, problem.MinBudget ?? 1, problem.MaxBudget ?? 1) is { } pruner) experiment.SetPruner(pruner);
            if (!s.Quiet) experiment.SetProgress(new StudyProgressLines(context.Stderr, $"study {s.Study}"));
            if (s.Shared) experiment.SetInterruptedTrials(InterruptedTrialPolicy.LeaveRunning);
            experiment = postgres is null ? experiment.SetStudy(s.Study, s.Storage) : experiment.SetStudy(s.Study, postgres);
            var result = await experiment.RunAsync(cancellationToken).ConfigureAwait(false);
            if (result.Fault is { } fault)
            {
                context.Stderr.WriteLine($"error: {fault.Message}");
                return ExitCodes.Failure;
            }
            context.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"study {s.Study}: {result.Trials.Count} trials ({result.StopReason}), best loss {Loss(result.BestLoss)}, regret {Loss((result.BestLoss - problem.OptimalValue) / problem.RegretScale)}"));
            return result.StopReason == StopReason.Cancelled ? ExitCodes.Cancelled : ExitCodes.Success;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
        {
            context.Stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        finally
        {
            (problem as IDisposable)?.Dispose();
        }
    }

    private static int WithStore(CliContext context, string storage, Func<ITrialStore, int> action)
    {
        try
        {
            using var store = CliStores.Open(storage);
            return action(store);
        }
        catch (ArgumentException e)
        {
            return Usage(context, e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            context.Stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static int Usage(CliContext context, string message)
    {
        context.Stderr.WriteLine($"error: {message}");
        return ExitCodes.Usage;
    }

    // The study's best trial by the history's rule: the highest budget first, then the lowest loss.
    private static StudyTrial? Best(IReadOnlyList<StudyTrial> trials)
    {
        var history = new TrialHistory();
        foreach (var t in trials) history.Add(t.ToSettings(), TrialOrigin.Tuner, t.ToResult());
        return history.Incumbent is { } best ? trials.First(t => t.Id == best.TrialSettings.TrialId) : null;
    }

    private static Table NewTable(CliContext context, params string[] headers)
    {
        var table = new Table();
        if (context.StdoutIsTerminal) table.RoundedBorder();
        else table.MarkdownBorder();
        foreach (var header in headers) table.AddColumn(new TableColumn(new Text(header)));
        return table;
    }

    // How far the trial's curve went: "9 to step 9", or "-" for none.
    private static string Reported(StudyTrial t) => t.IntermediateValues.Count == 0
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{t.IntermediateValues.Count} to step {t.IntermediateValues[^1].Step}");

    private static Text Number(int n) => new(n.ToString(CultureInfo.InvariantCulture));

    private static string Loss(double? loss) =>
        loss is not { } l || double.IsNaN(l) ? "-" : l.ToString("G6", CultureInfo.InvariantCulture);
}
