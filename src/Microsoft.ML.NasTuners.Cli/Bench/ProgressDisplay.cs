using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.NasTuners.Benchmarks;
using Spectre.Console;

namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary>Shows a benchmark's progress on stderr: a live bar on a terminal, a line every 10% otherwise (logs and CI
/// keep no redrawn bars), nothing with <c>--quiet</c>. Both say how many runs are in flight, the trials per second,
/// the time left, and the best regret so far of the run that reported last.</summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, handing it a progress observer (null with <see cref="CliContext.Quiet"/>).</summary>
    /// <param name="context">Where progress goes.</param>
    /// <param name="totalTrials">The trials (or full budgets) the work will report.</param>
    /// <param name="work">The work.</param>
    /// <param name="label">What the progress lines start with: the command's name.</param>
    public static T Run<T>(CliContext context, long totalTrials, Func<IProgress<BenchmarkProgress>?, T> work, string label = "bench")
    {
        if (context.Quiet)
            return work(null);
        var clock = Stopwatch.StartNew();
        if (!context.StderrIsTerminal)
            return work(new LineProgress(context.Stderr, label, clock));

        var console = Consoles.Over(context.Stderr, isTerminal: true);
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("trials", autoStart: true, maxValue: Math.Max(1, totalTrials));
                RunStanding? latest = null;
                return work(new Callback(p =>
                {
                    task.Value = p.CompletedTrials;
                    latest = p.Latest ?? latest;
                    task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                        $"runs {p.CompletedRuns}/{p.TotalRuns}, {p.RunningRuns} running, {ProgressText.Rate(p.CompletedTrials, clock.Elapsed)}{Standing(latest)}"));
                }));
            });
    }

    /// <summary>", last: problem / tuner / seed N at trial T, best regret R", or nothing before the first trial.</summary>
    internal static string Standing(RunStanding? standing) => standing is { } s
        ? string.Create(CultureInfo.InvariantCulture, $", last: {s.Run} at trial {s.Trials}, best regret {(s.Regret is { } r ? r.ToString("G3", CultureInfo.InvariantCulture) : "none yet")}")
        : "";

    // The runner reports one call at a time, so neither observer needs a lock.
    private sealed class Callback(Action<BenchmarkProgress> report) : IProgress<BenchmarkProgress>
    {
        public void Report(BenchmarkProgress value) => report(value);
    }

    private sealed class LineProgress(TextWriter writer, string label, Stopwatch clock) : IProgress<BenchmarkProgress>
    {
        private long _lastTenth;
        private RunStanding? _latest;

        public void Report(BenchmarkProgress value)
        {
            _latest = value.Latest ?? _latest;
            if (value.TotalTrials == 0) return;
            // 100% only once the last run has finished, which is reported after its last trial.
            var tenth = value.CompletedRuns == value.TotalRuns ? 10 : Math.Min(9, value.CompletedTrials * 10 / value.TotalTrials);
            if (tenth <= _lastTenth) return;
            _lastTenth = tenth;
            var elapsed = clock.Elapsed;
            var tail = tenth == 10 ? "" : $", {value.RunningRuns} running, {ProgressText.Rate(value.CompletedTrials, elapsed)}, {ProgressText.TimeLeft(value.CompletedTrials, value.TotalTrials, elapsed)}{Standing(_latest)}";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: {tenth * 10}% ({value.CompletedTrials}/{value.TotalTrials} trials, {value.CompletedRuns}/{value.TotalRuns} runs done{tail})"));
        }
    }
}
