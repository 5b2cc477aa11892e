using System.Diagnostics;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Wraps a benchmark's tuner: times each proposal (the records' <c>proposeMs</c>) and turns a tuner's
/// exception into one that names the tuner, the problem, the seed and the trial.</summary>
internal sealed class TimedTuner(ITuner inner, string tunerName, string problem, int seed) : ITuner
{
    private readonly Dictionary<int, double> _proposeMs = [];

    /// <summary>The wall-clock milliseconds of the proposal of trial <paramref name="trialId"/>, handed out once (a run
    /// of any length keeps only its pending trials' times).</summary>
    public double ProposeMs(int trialId) => _proposeMs.Remove(trialId, out var ms) ? ms : 0;

    public Parameter Propose(TrialSettings settings) => Propose(settings, CancellationToken.None);

    public Parameter Propose(TrialSettings settings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        Parameter proposed;
        try
        {
            proposed = inner.Propose(settings, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Tuner '{tunerName}' failed to propose ({Where(settings.TrialId)}): {e.Message}", e);
        }
        _proposeMs[settings.TrialId] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return proposed ?? throw new InvalidOperationException($"Tuner '{tunerName}' proposed null ({Where(settings.TrialId)}).");
    }

    public void Update(TrialResult result)
    {
        try
        {
            inner.Update(result);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"Tuner '{tunerName}' failed to learn from a result ({Where(result.TrialSettings.TrialId)}): {e.Message}", e);
        }
    }

    private string Where(int trial) => $"problem '{problem}', seed {seed}, trial {trial}";
}
