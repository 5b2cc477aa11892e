using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>
/// Parameter importance by permutation on a random forest (the one SMAC uses, from Core). The forest learns the loss
/// from the parameters of the succeeded trials at the study's largest budget, in <see cref="Folds"/>-fold cross
/// validation; on each held-out fold, each parameter's column is shuffled <see cref="Repeats"/> times and the
/// increase of the mean squared error of the forest's predictions is recorded. A parameter's importance is the mean
/// increase over folds and shuffles, and its share is its importance (negatives counted as 0) over their sum.
/// Measuring on held-out trials keeps a parameter the forest merely overfits from looking important.
/// </summary>
public static class ParameterImportance
{
    /// <summary>The fewest trials the importance is computed from: below it, <see cref="Compute"/> returns none.</summary>
    public const int MinTrials = 10;

    /// <summary>The number of cross-validation folds.</summary>
    public const int Folds = 5;

    /// <summary>The shuffles of each parameter on each fold.</summary>
    public const int Repeats = 3;

    /// <summary>The trees of the forest: more than SMAC's 10, since here it is fitted once per fold, not per trial.</summary>
    public const int TreeCount = 50;

    /// <summary>Each parameter's importance, the most important first; empty when fewer than <see cref="MinTrials"/>
    /// trials succeeded at the largest budget or the study has no parameter.</summary>
    /// <param name="study">The study.</param>
    /// <param name="seed">Seeds the folds, the forest and the shuffles: the same seed gives the same scores.</param>
    public static IReadOnlyList<ParameterImportanceScore> Compute(StudyData study, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(study);
        var trials = StudyTrials.AtFullBudget(study);
        var columns = ParameterColumns.Of(study, trials);
        if (trials.Length < MinTrials || columns.Count == 0) return [];
        var features = Enumerable.Range(0, trials.Length).Select(r => columns.Select(c => Feature(c, c.Values[r])).ToArray()).ToArray();
        var targets = trials.Select(t => t.Loss).ToArray();
        // A missing choice is one more category; a categorical with no value at all still has that one.
        var categoryCounts = columns.Select(c => c.IsCategorical ? Math.Max(1, c.Labels.Count + (c.HasMissing ? 1 : 0)) : 0).ToArray();

        var random = new Random(seed);
        var order = Enumerable.Range(0, trials.Length).OrderBy(_ => random.Next()).ToArray();
        var increase = new double[columns.Count];
        var measured = 0;
        for (var fold = 0; fold < Folds; fold++)
        {
            var test = order.Where((_, k) => k % Folds == fold).ToArray();
            var train = order.Where((_, k) => k % Folds != fold).ToArray();
            if (test.Length == 0) continue;
            var forest = new RandomForest(categoryCounts, new RandomForestOptions { TreeCount = TreeCount });
            forest.Fit(train.Select(r => features[r]).ToArray(), train.Select(r => targets[r]).ToArray(), random);
            var baseline = MeanSquaredError(forest, test.Select(r => features[r]).ToArray(), test.Select(r => targets[r]).ToArray());
            for (var j = 0; j < columns.Count; j++)
            {
                for (var repeat = 0; repeat < Repeats; repeat++)
                {
                    var shuffled = test.Select(r => (double[])features[r].Clone()).ToArray();
                    var column = shuffled.Select(f => f[j]).OrderBy(_ => random.Next()).ToArray();
                    for (var k = 0; k < shuffled.Length; k++) shuffled[k][j] = column[k];
                    increase[j] += MeanSquaredError(forest, shuffled, test.Select(r => targets[r]).ToArray()) - baseline;
                }
            }
            measured++;
        }
        for (var j = 0; j < increase.Length; j++) increase[j] /= measured * Repeats;
        var total = increase.Sum(v => Math.Max(0, v));
        return columns
            .Select((c, j) => new ParameterImportanceScore(c.Name, total > 0 ? Math.Max(0, increase[j]) / total : 0, increase[j]))
            .OrderByDescending(s => s.Share).ThenByDescending(s => s.ErrorIncrease).ThenBy(s => s.Parameter, StringComparer.Ordinal)
            .ToArray();
    }

    // The forest's features, imputed as Core's forest encoder does: a missing number below the unit range, a missing
    // choice as one extra category, so one split separates the trials that lack the parameter.
    private static double Feature(ParameterColumn column, double value) =>
        !double.IsNaN(value) ? column.IsCategorical ? value : column.ToUnit(value)
        : column.IsCategorical ? column.Labels.Count : ForestFeatureEncoder.InactiveNumericValue;

    private static double MeanSquaredError(RandomForest forest, IReadOnlyList<double[]> features, IReadOnlyList<double> targets)
    {
        var sum = 0.0;
        for (var i = 0; i < features.Count; i++)
        {
            var error = forest.Predict(features[i]).Mean - targets[i];
            sum += error * error;
        }
        return sum / features.Count;
    }
}
