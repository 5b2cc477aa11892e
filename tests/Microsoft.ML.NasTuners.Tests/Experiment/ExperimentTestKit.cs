using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

/// <summary>Small spaces and objectives shared by the experiment specs.</summary>
internal static class ExperimentTestKit
{
    public static SearchSpace SmallSpace() => new()
    {
        ["x"] = new UniformDoubleOption(-5, 5),
        ["depth"] = new UniformIntOption(1, 8),
        ["kind"] = new ChoiceOption("linear", "tree"),
    };

    /// <summary>A cheap deterministic loss of a <see cref="SmallSpace"/> parameter, minimal near x = 1, depth = 1, tree.</summary>
    public static double Loss(Parameter p) =>
        Math.Pow(p["x"].AsDouble() - 1, 2) + p["depth"].AsDouble() + (p["kind"].AsString() == "tree" ? 0 : 0.5);

    public static NasExperiment NewExperiment() => new MLContext(seed: 1).Nas().CreateExperiment().SetSearchSpace(SmallSpace());

    public static TrialResult Trial(this ExperimentResult result, int id) => result.Trials.Single(t => t.TrialSettings.TrialId == id);
}

/// <summary>
/// Wraps <see cref="RandomSearchTuner"/> and records what the loop asks of it: proposals, updates, the most proposals
/// pending at once, and whether two calls ever overlapped (the loop must serialise them).
/// </summary>
internal sealed class RecordingTuner : ITuner
{
    private readonly RandomSearchTuner _inner;
    private readonly object _lock = new();
    private int _callsInside;
    private volatile bool _sawOverlap;

    public RecordingTuner(SearchSpace space, int seed = 0) => _inner = new RandomSearchTuner(space, seed);

    public List<TrialSettings> Proposed { get; } = [];
    public List<TrialResult> Updated { get; } = [];
    public int MaxPending { get; private set; }
    public bool SawOverlappingCalls => _sawOverlap;

    public Parameter Propose(TrialSettings settings)
    {
        using var _ = Enter();
        var parameter = _inner.Propose(settings);
        lock (_lock)
        {
            Proposed.Add(settings);
            MaxPending = Math.Max(MaxPending, Proposed.Count - Updated.Count);
        }
        return parameter;
    }

    public void Update(TrialResult result)
    {
        using var _ = Enter();
        lock (_lock)
            Updated.Add(result);
        _inner.Update(result);
    }

    public TrialResult UpdateFor(int trialId)
    {
        lock (_lock)
            return Updated.Single(r => r.TrialSettings.TrialId == trialId);
    }

    private Exit Enter()
    {
        if (Interlocked.Increment(ref _callsInside) > 1)
            _sawOverlap = true;
        Thread.Sleep(1); // widen the window in which an overlapping call would be seen
        return new Exit(this);
    }

    private readonly struct Exit(RecordingTuner tuner) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref tuner._callsInside);
    }
}

/// <summary>Holds objectives that ignore their token until the test ends, so no thread is left blocked for long.</summary>
internal sealed class Blocker : IDisposable
{
    private readonly ManualResetEventSlim _released = new();

    public void BlockIgnoringToken() => _released.Wait(TimeSpan.FromSeconds(5));

    public void Dispose() => _released.Set();
}

internal sealed class RecordingMonitor : IExperimentMonitor
{
    public List<string> Events { get; } = [];
    public List<TrialResult> Completed { get; } = [];
    public List<TrialResult> Failed { get; } = [];
    public List<TrialResult> BestChanges { get; } = [];

    public void OnTrialStarted(TrialSettings settings) => Events.Add($"started {settings.TrialId}");

    public void OnTrialCompleted(TrialResult result)
    {
        Events.Add($"completed {result.TrialSettings.TrialId}");
        Completed.Add(result);
    }

    public void OnTrialFailed(TrialResult result)
    {
        Events.Add($"failed {result.TrialSettings.TrialId}");
        Failed.Add(result);
    }

    public void OnBestChanged(TrialResult best)
    {
        Events.Add($"best {best.TrialSettings.TrialId}");
        BestChanges.Add(best);
    }
}

/// <summary>Reports on the caller's thread (unlike <see cref="Progress{T}"/>, which posts), so a test can read the
/// reports as soon as the run returns.</summary>
internal sealed class RecordingProgress : IProgress<ExperimentProgress>
{
    public List<ExperimentProgress> Reports { get; } = [];

    public void Report(ExperimentProgress value) => Reports.Add(value);
}
