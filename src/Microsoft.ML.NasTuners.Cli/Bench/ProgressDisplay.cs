using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.NasTuners.Benchmarks;
using Spectre.Console;

namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary>Shows a benchmark's progress on stderr: a live bar on a terminal, a line every 10% otherwise (logs and CI
/// keep no redrawn bars), nothing with <c>--quiet</c>. Both say how many runs are in flight, the trials per second and
/// the time left.</summary>
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
                return work(new Callback(p =>
                {
                    task.Value = p.CompletedTrials;
                    task.Description = string.Create(CultureInfo.InvariantCulture,
                        $"runs {p.CompletedRuns}/{p.TotalRuns}, {p.RunningRuns} running, {ProgressText.Rate(p.CompletedTrials, clock.Elapsed)}");
                }));
            });
    }

    // The runner reports one call at a time, so neither observer needs a lock.
    private sealed class Callback(Action<BenchmarkProgress> report) : IProgress<BenchmarkProgress>
    {
        public void Report(BenchmarkProgress value) => report(value);
    }

    private sealed class LineProgress(TextWriter writer, string label, Stopwatch clock) : IProgress<BenchmarkProgress>
    {
        private long _lastTenth;

        public void Report(BenchmarkProgress value)
        {
            if (value.TotalTrials == 0) return;
            // 100% only once the last run has finished, which is reported after its last trial.
            var tenth = value.CompletedRuns == value.TotalRuns ? 10 : Math.Min(9, value.CompletedTrials * 10 / value.TotalTrials);
            if (tenth <= _lastTenth) return;
            _lastTenth = tenth;
            var elapsed = clock.Elapsed;
            var tail = tenth == 10 ? "" : $", {value.RunningRuns} running, {ProgressText.Rate(value.CompletedTrials, elapsed)}, {ProgressText.TimeLeft(value.CompletedTrials, value.TotalTrials, elapsed)}";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: {tenth * 10}% ({value.CompletedTrials}/{value.TotalTrials} trials, {value.CompletedRuns}/{value.TotalRuns} runs done{tail})"));
        }
    }
}
