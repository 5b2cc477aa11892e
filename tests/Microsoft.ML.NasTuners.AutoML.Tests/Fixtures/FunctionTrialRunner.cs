namespace Microsoft.ML.NasTuners.AutoML.Tests;

using Microsoft.ML.AutoML;

/// <summary>An AutoML trial runner over a function of the trial: its value is the loss, an exception fails the
/// trial. Each trial reports a duration of 10 ms per trial id, so durations can be traced.</summary>
internal sealed class FunctionTrialRunner(Func<TrialSettings, double> loss) : ITrialRunner
{
    public List<TrialSettings> Trials { get; } = [];

    public Task<TrialResult> RunAsync(TrialSettings settings, CancellationToken ct)
    {
        Trials.Add(settings);
        var value = loss(settings);
        return Task.FromResult(new TrialResult
        {
            TrialSettings = settings,
            Loss = value,
            Metric = -value,
            DurationInMilliseconds = 10 * (settings.TrialId + 1),
        });
    }

    public void Dispose()
    {
    }
}
