using Microsoft.ML.NasTuners.Pipelines.Running;

namespace Microsoft.ML.NasTuners.Pipelines.Ensembles;

/// <summary>
/// The out-of-fold predictions of each trainer's best trial so far (<see cref="TrialRanking"/>), and of its best trial at
/// ML.NET's default settings. Only the best can join an ensemble, which takes one member per trainer, and the ensemble
/// is then measured against the defaults (<see cref="Running.DefaultsPreference"/>), so a long search holds at most two
/// sets of predictions per trainer instead of one per trial (on letter a set is 2,560 rows of 26 scores). Safe to offer
/// from trials running in parallel.
/// </summary>
internal sealed class BestPredictionsPerTrainer
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Trainer, bool MlNetDefaults), ((double, double, int) Key, int TrialId, OutOfFoldPredictions Predictions)> _best = [];

    /// <summary>Keeps <paramref name="predictions"/> when the trial ranks before the trainer's best so far (among its
    /// trials at ML.NET's defaults when <paramref name="usesMlNetDefaults"/>, else among the others).</summary>
    public void Offer(string trainer, bool usesMlNetDefaults, int trialId, double loss, double? budget, OutOfFoldPredictions predictions)
    {
        if (!double.IsFinite(loss)) return;
        var key = TrialRanking.Key(loss, budget, trialId);
        lock (_gate)
        {
            if (_best.TryGetValue((trainer, usesMlNetDefaults), out var held) && held.Key.CompareTo(key) <= 0) return;
            _best[(trainer, usesMlNetDefaults)] = (key, trialId, predictions);
        }
    }

    /// <summary>The predictions held, by trial id.</summary>
    public IReadOnlyDictionary<int, OutOfFoldPredictions> ByTrialId()
    {
        lock (_gate) return _best.Values.ToDictionary(b => b.TrialId, b => b.Predictions);
    }
}
