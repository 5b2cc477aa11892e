using System.IO.Compression;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Benchmarks.Review;
using Microsoft.ML.NasTuners.Cli.Bench;

namespace Microsoft.ML.NasTuners.Cli.Review;

/// <summary>
/// What <c>review</c> does: for each condition, the runs it lacks through the benchmark runner, streamed to the
/// condition's JSONL file (a re-run resumes it, as <c>bench --resume</c>), with progress on stderr; then the report
/// from the files and any imports. Ctrl+C stops between trials and keeps every finished trial for the next run.
/// </summary>
internal static class ReviewAction
{
    /// <summary>Runs the review and returns the exit code; errors become one line on stderr.</summary>
    public static int Run(CliContext context, Func<ReviewSettings> settings, CancellationToken cancellationToken)
    {
        if (!SettingsBinding.TryBind(context, settings, out var s)) return ExitCodes.Usage;
        try
        {
            Directory.CreateDirectory(s.OutputFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            context.Stderr.WriteLine($"error: --out: cannot create the folder: {e.Message}");
            return ExitCodes.Usage;
        }

        var notes = new List<string>();
        if (s.Quick) notes.Add("the quick variant: tiny budgets, few seeds and a subset of tuners, a smoke run whose numbers answer nothing");
        var planned = new List<(ReviewCondition Condition, BenchmarkPlan Plan)>();
        var clock = Stopwatch.StartNew();
        foreach (var condition in s.Conditions)
        {
            var available = new List<string>();
            foreach (var problem in condition.Problems)
            {
                if (BenchmarkProblems.MissingData(problem) is { } reason)
                {
                    var line = $"skipping {problem} in {condition.Name}: {reason}";
                    context.Stderr.WriteLine($"review: {line}");
                    notes.Add(line);
                }
                else
                {
                    available.Add(problem);
                }
            }
            if (available.Count == 0)
            {
                var line = $"skipping condition {condition.Name}: none of its problems can run here";
                context.Stderr.WriteLine($"review: {line}");
                notes.Add(line);
                continue;
            }
            var plan = condition.PlanFor(available, s.Seeds, s.Threads);
            var code = RunCondition(context, s, condition, plan, cancellationToken);
            if (code != ExitCodes.Success) return code;
            planned.Add((condition, plan));
        }
        var wall = clock.Elapsed;

        try
        {
            var imported = ReadImports(context, s, notes);
            var results = planned.Select(p =>
            {
                var fullBudgets = FullBudgets.Of(p.Plan);
                using var reader = File.OpenText(s.FileOf(p.Condition));
                var records = TrialRecordJsonl.Read(reader).Concat(imported).ToArray();
                return ConditionResults.Of(p.Condition, records, problem => fullBudgets.TryGetValue(problem, out var b) ? b : 1);
            }).ToArray();
            var files = ReviewReport.Write(s.OutputFolder, new ReviewHeader(s.Command, wall, notes, MethodLinkFrom(s.OutputFolder)), results);
            context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"review: runs took {wall.TotalSeconds:0.0} s; wrote {files[0]} and {files.Count - 1} plots under {Path.Combine(s.OutputFolder, "plots")}"));
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or ArgumentException)
        {
            context.Stderr.WriteLine($"error: cannot write the report: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    // The review's METHOD.md lives in docs/review; a report written below it (the validation's) links up to it.
    private static string MethodLinkFrom(string folder)
    {
        var full = Path.GetFullPath(folder);
        for (var (up, dir) = (0, full); up <= 2 && dir is not null; up++, dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "METHOD.md")))
                return string.Concat(Enumerable.Repeat("../", up)) + "METHOD.md";
        return "METHOD.md";
    }

    private static int RunCondition(CliContext context, ReviewSettings s, ReviewCondition condition, BenchmarkPlan plan, CancellationToken cancellationToken)
    {
        var runner = new BenchmarkRunner(context.Tuners);
        IReadOnlyList<BenchmarkRunId> runs;
        try
        {
            foreach (var (problem, tuner, requirement) in runner.Skipped(plan))
                context.Stderr.WriteLine($"review: {condition.Name}: skipping {tuner} on {problem}: it needs {requirement}.");
            runs = runner.Runs(plan);
        }
        catch (ArgumentException e)
        {
            context.Stderr.WriteLine($"error: {condition.Name}: {e.Message}");
            return ExitCodes.Usage;
        }
        var fullBudgets = FullBudgets.Of(plan);
        var path = s.FileOf(condition);
        if (!Unpack(context, path)) return ExitCodes.Failure;
        ResumePoint resume;
        try
        {
            resume = BenchmarkResume.Prepare(path, plan, runs, p => fullBudgets[p]);
        }
        catch (InvalidDataException e)
        {
            context.Stderr.WriteLine($"error: {condition.Name}: {e.Message} (another review wrote it: use another --out, or delete the file)");
            return ExitCodes.Usage;
        }
        var done = resume.CompleteRuns.Select(r => r.Run).ToHashSet();
        var toRun = runs.Where(r => !done.Contains(r)).ToArray();
        context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"review: {condition.Name}: {runs.Count} run(s) to {condition.Budgets[^1]} {condition.BudgetUnit}, parallel {condition.Parallel}; {done.Count} already in {path}, running {toRun.Length}"));
        if (toRun.Length == 0) return ExitCodes.Success;

        var output = BenchOutputFile.TryOpen(path, append: true, out var reason);
        if (output is null)
        {
            context.Stderr.WriteLine($"error: cannot write '{path}': {reason}");
            return ExitCodes.Usage;
        }
        using (output)
        {
            var recorder = new BenchRecorder(output, new RunStatisticsCollector(p => fullBudgets[p]), keepRecords: false);
            try
            {
                var perRun = plan.BudgetLimit is { } k ? (long)Math.Ceiling(k) : plan.Trials;
                ProgressDisplay.Run(context, toRun.Length * perRun, progress =>
                {
                    runner.Run(plan, toRun, recorder, progress, cancellationToken);
                    return true;
                }, label: $"review {condition.Name}");
                output.Flush();
            }
            catch (OperationCanceledException)
            {
                output.Flush();
                context.Stderr.WriteLine($"review: cancelled; {path} keeps every finished trial: run the same command again to continue.");
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                context.Stderr.WriteLine($"error: {condition.Name}: {e.Message}");
                return ExitCodes.Failure;
            }
        }
        return ExitCodes.Success;
    }

    // Other frameworks' results are optional: a missing file is a note, not a failure.
    /// <summary>A condition's trials may be committed packed (<c>&lt;condition&gt;.jsonl.gz</c>: the multi-fidelity
    /// files run to 70 MB); when the plain file is missing, the packed one is unpacked beside it and read and resumed
    /// as usual. False, with the error said, when it cannot be.</summary>
    private static bool Unpack(CliContext context, string path)
    {
        var packed = path + ".gz";
        if (File.Exists(path) || !File.Exists(packed)) return true;
        try
        {
            context.Stderr.WriteLine($"review: unpacking {packed}");
            var partial = path + ".unpacking";
            using (var input = new GZipStream(File.OpenRead(packed), CompressionMode.Decompress))
            using (var output = File.Create(partial))
                input.CopyTo(output);
            // Renamed only when whole, so an interrupted unpacking is never taken for the trial file.
            File.Move(partial, path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            context.Stderr.WriteLine($"error: cannot unpack '{packed}': {e.Message}");
            File.Delete(path + ".unpacking");
            return false;
        }
    }

    private static IReadOnlyList<TrialRecord> ReadImports(CliContext context, ReviewSettings s, List<string> notes)
    {
        if (s.Imports.Count == 0)
        {
            notes.Add("no other framework imported (scripts/optuna_bench.py writes Optuna's results; pass them with --import)");
            return [];
        }
        var records = new List<TrialRecord>();
        foreach (var file in s.Imports)
        {
            if (!File.Exists(file))
            {
                var line = $"import {file} is absent: skipped";
                context.Stderr.WriteLine($"review: {line}");
                notes.Add(line);
                continue;
            }
            using var reader = File.OpenText(file);
            var read = TrialRecordJsonl.Read(reader).ToArray();
            records.AddRange(read);
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"imported {read.Length} trials of {string.Join(", ", read.Select(r => r.Tuner).Distinct().Order(StringComparer.Ordinal))} from {file}"));
        }
        return records;
    }
}
