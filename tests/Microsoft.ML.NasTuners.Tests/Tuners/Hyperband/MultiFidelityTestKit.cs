namespace Microsoft.ML.NasTuners.Tests.Tuners.Hyperband;

/// <summary>Drives a tuner by hand: propose, then report a loss that the test chooses.</summary>
internal sealed class TunerDriver(ITuner tuner)
{
    private int _nextTrial;

    public List<TrialSettings> Proposed { get; } = [];

    public TrialSettings Propose()
    {
        var settings = new TrialSettings { TrialId = _nextTrial++ };
        settings.Parameter = tuner.Propose(settings);
        Proposed.Add(settings);
        return settings;
    }

    public void Report(TrialSettings settings, double loss, TrialStatus status = TrialStatus.Succeeded) =>
        tuner.Update(new TrialResult { TrialSettings = settings, Loss = loss, Status = status });

    /// <summary>Proposes and reports one trial at a time, <paramref name="count"/> times.</summary>
    public List<TrialSettings> RunSequentially(int count, Func<TrialSettings, double> loss)
    {
        var run = new List<TrialSettings>();
        for (var i = 0; i < count; i++)
        {
            var settings = Propose();
            Report(settings, loss(settings));
            run.Add(settings);
        }
        return run;
    }

    public static SearchSpace Space() => new()
    {
        ["x"] = new UniformDoubleOption(0, 1),
        ["y"] = new UniformDoubleOption(0, 1),
    };
}
