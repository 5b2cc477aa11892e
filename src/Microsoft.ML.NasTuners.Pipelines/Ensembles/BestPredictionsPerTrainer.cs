using Microsoft.ML.NasTuners.Pipelines.Running;

namespace Microsoft.ML.NasTuners.Pipelines.Ensembles;

/// <summary>
/// The out-of-fold predictions of each trainer's best trial so far (<see cref="TrialRanking"/>). Only those can join an
/// ensemble, which takes one member per trainer, so a long search holds one set of predictions per trainer instead of
/// one per trial (on letter a set is 2,560 rows of 26 scores). Safe to offer from trials running in parallel.
/// </summary>
internal sealed class BestPredictionsPerTrainer
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ((double, double, int) Key, int TrialId, OutOfFoldPredictions Predictions)> _best = [];

    /// <summary>Keeps <paramref name="predictions"/> when the trial ranks before the trainer's best so far.</summary>
    public void Offer(string trainer, int trialId, double loss, double? budget, OutOfFoldPredictions predictions)
    {
        if (!double.IsFinite(loss)) return;
        var key = TrialRanking.Key(loss, budget, trialId);
        lock (_gate)
        {
            if (_best.TryGetValue(trainer, out var held) && held.Key.CompareTo(key) <= 0) return;
            _best[trainer] = (key, trialId, predictions);
        }
    }

    /// <summary>The predictions held, by trial id.</summary>
    public IReadOnlyDictionary<int, OutOfFoldPredictions> ByTrialId()
    {
        lock (_gate) return _best.Values.ToDictionary(b => b.TrialId, b => b.Predictions);
    }
}
