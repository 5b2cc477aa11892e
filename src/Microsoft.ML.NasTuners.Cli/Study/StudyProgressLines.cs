using System.Globalization;

namespace Microsoft.ML.NasTuners.Cli.Study;

/// <summary>A study run's progress as plain lines on stderr: one each time another tenth of the trials has ended
/// (every trial when there are fewer than ten), with the trials running, the best loss so far, trials per second
/// and the time left. A redrawn bar would garble logs, so the same lines serve terminals too.</summary>
/// <param name="writer">Where the lines go.</param>
/// <param name="label">What each line starts with (the study's name).</param>
internal sealed class StudyProgressLines(TextWriter writer, string label) : IProgress<ExperimentProgress>
{
    private readonly object _gate = new();
    private int _lastStep;
    // Trials a resumed study held before this run: the rate and the time left count only this run's.
    private int? _earlierTrials;

    /// <inheritdoc />
    public void Report(ExperimentProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var total = Math.Max(1, value.MaxTrials);
        var step = total < 10 ? value.TrialsCompleted : (int)((long)value.TrialsCompleted * 10 / total);
        // Trials end on several threads at once: one line per step, in order.
        lock (_gate)
        {
            // The first report follows the first trial of this run to end.
            _earlierTrials ??= value.TrialsCompleted - 1;
            if (step <= _lastStep) return;
            _lastStep = step;
            var thisRun = Math.Max(0, value.TrialsCompleted - _earlierTrials.Value);
            var planned = Math.Max(0, value.MaxTrials - _earlierTrials.Value);
            var rate = ProgressText.Rate(thisRun, value.Elapsed);
            var left = ProgressText.TimeLeft(thisRun, planned, value.Elapsed);
            var best = value.BestTrialId is { } id ? string.Create(CultureInfo.InvariantCulture, $"best loss {value.BestLoss:G6} (trial {id})") : "no success yet";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: {value.TrialsCompleted}/{value.MaxTrials} trials, {value.TrialsRunning} running, {best}, {rate}{(left.Length > 0 ? ", " + left : "")}"));
        }
    }
}
