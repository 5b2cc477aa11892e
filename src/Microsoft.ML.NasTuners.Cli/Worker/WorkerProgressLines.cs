using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.NasTuners.Postgres;

namespace Microsoft.ML.NasTuners.Cli.Worker;

/// <summary>A worker's events as lines on stderr, written at once and in order (<c>Progress&lt;T&gt;</c> would post
/// them to the thread pool). A recorded trial's line also says where the whole study stands: trials ended of the limit,
/// trials running in every worker, the study's best loss, the study's trials per second since this worker joined, and
/// the time left (by the trial limit at that rate, or by the time limit). Lines rather than a redrawn view, on a
/// terminal too: several workers often share one terminal or log.</summary>
internal sealed class WorkerProgressLines(TextWriter writer, Func<TimeSpan>? clock = null) : IProgress<StudyWorkerEvent>
{
    private readonly object _gate = new();
    private readonly Func<TimeSpan> _clock = clock ?? StartClock();
    // The study's ended trials and the time when this worker first saw them: the rate counts only what followed.
    private (int Ended, TimeSpan At)? _first;

    /// <inheritdoc />
    public void Report(StudyWorkerEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            var now = _clock();
            if (value.Standing is { } standing) _first ??= (standing.Ended, now);
            writer.WriteLine(value.Kind == StudyWorkerEventKind.Recorded && value.Standing is { } s
                ? $"{value.Message}; {Describe(s, now)}"
                : value.Message);
        }
    }

    private static Func<TimeSpan> StartClock()
    {
        var watch = Stopwatch.StartNew();
        return () => watch.Elapsed;
    }

    private string Describe(StudyStanding s, TimeSpan now)
    {
        var (firstEnded, firstAt) = _first!.Value;
        var ended = s.Ended - firstEnded;
        var elapsed = now - firstAt;
        var best = s.Best is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"best loss {b.Loss:G6} (trial {b.TrialSettings.TrialId})")
            : "no success yet";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"study: {s.Ended}{(s.MaxTrials is { } max ? $"/{max}" : "")} trials ended, {s.Running} running, {best}");
        if (ended <= 0) return text;
        text += ", " + ProgressText.Rate(ended, elapsed);
        var left = s.MaxTrials is { } limit
            ? ProgressText.TimeLeft(ended, Math.Max(ended, limit - firstEnded), elapsed)
            : s.TimeLimit is { } time ? ProgressText.Left(time - s.Age) : "";
        return left.Length > 0 && left != "done" ? $"{text}, {left}" : text;
    }
}
