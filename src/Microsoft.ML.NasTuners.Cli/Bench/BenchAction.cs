using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary>What <c>bench</c> does: run the plan with progress on stderr, append each trial to the JSON Lines file as
/// it ends if asked, print the summary table on stdout. Only a few numbers per run stay in memory, so a run of any
/// length fits; Ctrl+C keeps what is done and summarises the runs that finished.</summary>
internal static class BenchAction
{
    /// <summary>Runs the benchmark and returns the exit code; errors become one line on stderr.</summary>
    /// <param name="context">Writers and tuners.</param>
    /// <param name="settings">Binds and validates the options; throws <see cref="UsageException"/> for bad input.</param>
    /// <param name="cancellationToken">Cancelled by Ctrl+C.</param>
    public static int Run(CliContext context, Func<BenchSettings> settings, CancellationToken cancellationToken)
    {
        if (!SettingsBinding.TryBind(context, settings, out var s)) return ExitCodes.Usage;

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
        IReadOnlyList<BenchmarkRunId> planned;
        try
        {
            skipped = runner.Skipped(plan);
            planned = runner.Runs(plan);
        }
        catch (ArgumentException e)
        {
            context.Stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        var fullBudgets = FullBudgets.Of(plan);

        // The file is opened, and a resumed one cleaned up, before anything runs: a bad path must not cost a benchmark.
        var resume = ResumePoint.Empty;
        TrialRecordJsonlAppender? output = null;
        if (s.OutputPath is { } path)
        {
            if (s.Resume)
            {
                if (!CanWrite(context, path, append: true)) return ExitCodes.Usage;
                try
                {
                    resume = BenchmarkResume.Prepare(path, plan, planned, p => fullBudgets[p]);
                }
                catch (InvalidDataException e)
                {
                    context.Stderr.WriteLine($"error: --resume: {e.Message}");
                    return ExitCodes.Usage;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    context.Stderr.WriteLine($"error: --out: cannot write '{path}': {e.Message}");
                    return ExitCodes.Usage;
                }
            }
            // Opened after Prepare, which may have renamed a new file over the old one.
            output = BenchOutputFile.TryOpen(path, append: s.Resume, out var reason);
            if (output is null)
            {
                context.Stderr.WriteLine($"error: --out: cannot write '{path}': {reason}");
                return ExitCodes.Usage;
            }
        }

        try
        {
            return RunPlan(context, s, runner, plan, planned, skipped, fullBudgets, resume, output, cancellationToken);
        }
        finally
        {
            output?.Dispose();
        }
    }

    private static int RunPlan(CliContext context, BenchSettings s, BenchmarkRunner runner, BenchmarkPlan plan,
        IReadOnlyList<BenchmarkRunId> planned, IReadOnlyList<(string Problem, string Tuner, string Requirement)> skipped,
        IReadOnlyDictionary<string, double> fullBudgets, ResumePoint resume, TrialRecordJsonlAppender? output,
        CancellationToken cancellationToken)
    {
        foreach (var (problem, tuner, requirement) in skipped)
            context.Stderr.WriteLine($"bench: skipping {tuner} on {problem}: it needs {requirement}.");
        var length = s.BudgetLimit is { } limit
            ? string.Create(CultureInfo.InvariantCulture, $"{limit:G6} full budgets{(s.Trials == int.MaxValue ? "" : $" (at most {s.Trials} trials)")}")
            : string.Create(CultureInfo.InvariantCulture, $"{s.Trials} trials");
        context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: {s.Problems.Count} problem(s) × {s.Tuners.Count} tuner(s) × {s.Seeds.Count} seed(s){(skipped.Count > 0 ? $" less {skipped.Count * s.Seeds.Count} skipped" : "")} = {planned.Count} run(s) of {length}, parallel {s.Parallel}, {s.Threads} thread(s)"));

        var done = resume.CompleteRuns.Select(r => r.Run).ToHashSet();
        var toRun = planned.Where(r => !done.Contains(r)).ToArray();
        if (s.Resume) context.Stderr.WriteLine(ResumeLine(s.OutputPath!, resume, planned.Count, toRun.Length));

        var recorder = new BenchRecorder(output, new RunStatisticsCollector(p => fullBudgets[p]),
            keepRecords: s.BaselinePath is not null && output is null);
        var clock = Stopwatch.StartNew();
        try
        {
            var perRun = s.BudgetLimit is { } k ? (long)Math.Ceiling(k) : s.Trials;
            if (toRun.Length > 0)
            {
                ProgressDisplay.Run(context, toRun.Length * perRun, progress =>
                {
                    runner.Run(plan, toRun, recorder, progress, cancellationToken);
                    return true;
                });
            }
            output?.Flush();
        }
        catch (OperationCanceledException)
        {
            return Cancelled(context, resume, recorder, output);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            context.Stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: {recorder.Trials} trials in {clock.Elapsed.TotalSeconds:0.0} s"));
        if (output is not null)
        {
            var written = s.Resume
                ? string.Create(CultureInfo.InvariantCulture, $"appended {output.Written} records to {output.Path} ({resume.KeptRecords + output.Written} in all)")
                : string.Create(CultureInfo.InvariantCulture, $"wrote {output.Written} records to {output.Path}");
            context.Stderr.WriteLine($"bench: {written}");
        }

        if (s.BaselinePath is { } baselinePath && !WriteBaseline(context, plan, baselinePath, output, recorder))
            return ExitCodes.Failure;

        PrintSummary(context, [.. resume.CompleteRuns, .. recorder.Statistics.Finished]);
        return ExitCodes.Success;
    }

    // Ctrl+C: what finished is kept and summarised; the runs stopped midway would compare short runs with whole ones.
    private static int Cancelled(CliContext context, ResumePoint resume, BenchRecorder recorder, TrialRecordJsonlAppender? output)
    {
        context.Stderr.WriteLine("bench: cancelled.");
        try
        {
            output?.Flush();
        }
        catch (IOException e)
        {
            context.Stderr.WriteLine($"error: cannot write '{output!.Path}': {e.Message}");
        }
        var stopped = recorder.Statistics.Unfinished;
        if (stopped.Count > 0)
        {
            var trials = stopped.Sum(r => (long)r.Trials);
            var kept = output is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; their {trials} finished trial(s) stay in {output.Path}");
            context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: {stopped.Count} run(s) cancelled midway are left out of the summary{kept}."));
        }
        if (output is not null)
            context.Stderr.WriteLine($"bench: {output.Path} holds every finished trial; add --resume to the same command to continue it.");
        RunStatistics[] finished = [.. resume.CompleteRuns, .. recorder.Statistics.Finished];
        if (finished.Length == 0)
            context.Stderr.WriteLine("bench: no run finished, so there is no summary.");
        else
            PrintSummary(context, finished);
        return ExitCodes.Cancelled;
    }

    private static void PrintSummary(CliContext context, IReadOnlyList<RunStatistics> runs)
    {
        SummaryTable.Print(context, BenchmarkStatistics.Summarize(runs));
        RankingTable.Print(context, BenchmarkRanking.Rank(runs));
    }

    // A baseline needs every trial: read back from the file when there is one (it then covers resumed runs too),
    // otherwise the records the recorder kept.
    private static bool WriteBaseline(CliContext context, BenchmarkPlan plan, string baselinePath, TrialRecordJsonlAppender? output, BenchRecorder recorder)
    {
        try
        {
            IReadOnlyCollection<TrialRecord> records;
            if (output is null)
            {
                records = recorder.Kept;
            }
            else
            {
                using var reader = File.OpenText(output.Path);
                records = TrialRecordJsonl.Read(reader).ToArray();
            }
            BenchmarkBaseline.FromRecords(plan, records).Write(baselinePath);
            context.Stderr.WriteLine($"bench: wrote the baseline of {records.Select(BenchmarkRunId.Of).Distinct().Count()} runs to {baselinePath}");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Text.Json.JsonException)
        {
            context.Stderr.WriteLine($"error: cannot write the baseline '{baselinePath}': {e.Message}");
            return false;
        }
    }

    private static bool CanWrite(CliContext context, string path, bool append)
    {
        using var probe = BenchOutputFile.TryOpen(path, append, out var reason);
        if (probe is not null) return true;
        context.Stderr.WriteLine($"error: --out: cannot write '{path}': {reason}");
        return false;
    }

    private static string ResumeLine(string path, ResumePoint resume, int planned, int toRun)
    {
        var dropped = resume.DroppedRuns.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $", dropped {resume.DroppedRuns.Count} unfinished run(s) ({resume.DroppedRecords} records)")
            : "";
        var partial = resume.DroppedPartialLine ? ", cut off a partial last line" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"bench: resuming {path}: {resume.CompleteRuns.Count} of {planned} run(s) complete ({resume.KeptRecords} records kept){dropped}{partial}; running {toRun}");
    }
}
