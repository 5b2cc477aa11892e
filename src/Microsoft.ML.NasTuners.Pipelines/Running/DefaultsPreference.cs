using MathNet.Numerics.Statistics;

namespace Microsoft.ML.NasTuners.Pipelines.Running;

/// <summary>
/// Which trial's pipeline becomes the model: the best trial (<see cref="TrialRanking"/>), unless it validates better
/// than the best trial at ML.NET's default settings by no more than one standard error of their paired fold
/// differences, when the defaults are kept. The best of many trials on a few hundred rows is chosen partly for how it
/// fits the folds, which the test rows do not reward; ML.NET's defaults were fixed before the data was seen, so their
/// validation loss carries no such bias. Breiman's one-standard-error rule (Breiman et al. 1984, "Classification and
/// Regression Trees", 3.4.3) keeps the simplest model within one standard error of the best for the same reason; here
/// the defaults play the simplest model. With one fold (a holdout) there is no standard error, and the best is kept.
/// </summary>
internal static class DefaultsPreference
{
    /// <summary>The trial whose pipeline becomes the model, given the best trial of <paramref name="trials"/>.</summary>
    public static PipelineTrial Choose(PipelineTrial best, IEnumerable<PipelineTrial> trials)
    {
        if (best.UsesMlNetDefaults) return best;
        var defaults = TrialRanking.Best(trials.Where(t => t.UsesMlNetDefaults));
        if (defaults is null) return best;
        var margin = Margin(best.FoldLosses, defaults.FoldLosses);
        return margin is { } m && m.Mean + m.StandardError >= 0 ? defaults : best;
    }

    /// <summary>The mean and standard error of the fold-by-fold differences <paramref name="challenger"/> −
    /// <paramref name="incumbent"/> (negative when the challenger is better); null unless both have the same two or
    /// more folds.</summary>
    public static (double Mean, double StandardError)? Margin(IReadOnlyList<double> challenger, IReadOnlyList<double> incumbent)
    {
        if (challenger.Count < 2 || challenger.Count != incumbent.Count) return null;
        var differences = challenger.Zip(incumbent, (c, i) => c - i).ToArray();
        return (differences.Mean(), Math.Sqrt(differences.Variance() / differences.Length));
    }
}
