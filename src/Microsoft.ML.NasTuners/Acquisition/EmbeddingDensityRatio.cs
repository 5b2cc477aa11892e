using Microsoft.ML.NasTuners.Architectures;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Acquisition;

/// <summary>
/// TPE's acquisition (Bergstra et al. 2011) over a named-feature embedding of architectures (WL label counts, path
/// encodings). The finished trials are split into the γ(n) best ("good") and the rest ("bad"). Per group, each
/// feature's value is a categorical with smoothed counts, as TPE models a categorical parameter:
/// p(v) = (count(v) + w / K) / (N + w), with K the feature's distinct values seen plus one for values not seen, and w
/// the prior weight. A candidate scores log l(x) − log g(x), summed over the features (the univariate TPE's
/// independence). A feature no trial has is left out: no trial says anything about it.
/// </summary>
/// <remarks>Pending trials join the bad group (a constant liar): they say nothing good yet, and counting them there
/// lowers the score of their near copies, so parallel workers spread out.</remarks>
public sealed class EmbeddingDensityRatio : IArchitectureAcquisition
{
    private readonly IArchitectureEmbedding _embedding;
    private readonly Func<int, int> _gamma;
    private readonly double _priorWeight;
    private Dictionary<string, FeatureRatio> _features = new(StringComparer.Ordinal);
    private double _absentScore;

    /// <summary>Creates the acquisition.</summary>
    /// <param name="embedding">The features of an architecture.</param>
    /// <param name="gamma">How many of n trials are good; null for TPE's default, min(⌈0.1 n⌉, 25)
    /// (<see cref="TpeOptions.DefaultGamma"/>).</param>
    /// <param name="priorWeight">The prior weight w of each feature's categorical; positive. Default 1.</param>
    public EmbeddingDensityRatio(IArchitectureEmbedding embedding, Func<int, int>? gamma = null, double priorWeight = 1.0)
    {
        _embedding = embedding ?? throw new ArgumentNullException(nameof(embedding));
        if (!(priorWeight > 0 && double.IsFinite(priorWeight)))
            throw new ArgumentOutOfRangeException(nameof(priorWeight), priorWeight, "The prior weight must be positive and finite.");
        _gamma = gamma ?? TpeOptions.DefaultGamma;
        _priorWeight = priorWeight;
    }

    /// <summary>The number of good trials at the last fit.</summary>
    public int GoodCount { get; private set; }

    /// <inheritdoc />
    public void Fit(IReadOnlyList<Parameter> points, IReadOnlyList<double> losses, IReadOnlyList<Parameter> pending, Random random)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(pending);
        if (points.Count != losses.Count) throw new ArgumentException($"{points.Count} points but {losses.Count} losses.", nameof(losses));
        if (points.Count == 0) throw new InvalidOperationException("The density ratio needs at least one finished trial.");
        var order = Enumerable.Range(0, points.Count).OrderBy(i => losses[i]).ThenBy(i => i).ToArray();
        GoodCount = Math.Clamp(_gamma(points.Count), 1, points.Count);
        var good = order.Take(GoodCount).Select(i => _embedding.Embed(points[i])).ToList();
        var bad = order.Skip(GoodCount).Select(i => _embedding.Embed(points[i])).Concat(pending.Select(_embedding.Embed)).ToList();

        var names = good.Concat(bad).SelectMany(e => e.Keys).Distinct(StringComparer.Ordinal);
        _features = names.ToDictionary(n => n, n => new FeatureRatio(Values(good, n), Values(bad, n), _priorWeight), StringComparer.Ordinal);
        _absentScore = _features.Values.Sum(f => f.LogRatio(0));
    }

    /// <inheritdoc />
    public double[] Score(IReadOnlyList<Parameter> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (GoodCount == 0) throw new InvalidOperationException("The density ratio is not fitted: call Fit first.");
        var scores = new double[candidates.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            // Start from "every feature absent" and correct the features the candidate has.
            var score = _absentScore;
            foreach (var (name, value) in _embedding.Embed(candidates[i]))
            {
                if (value != 0 && _features.TryGetValue(name, out var feature)) score += feature.LogRatio(value) - feature.LogRatio(0);
            }
            scores[i] = score;
        }
        return scores;
    }

    private static double[] Values(List<IReadOnlyDictionary<string, double>> group, string name) =>
        group.Select(e => e.TryGetValue(name, out var v) ? v : 0).ToArray();

    // One feature's log l(v) − log g(v), from the values it takes in the good and the bad group.
    private sealed class FeatureRatio
    {
        private readonly Dictionary<double, double> _logRatios = [];
        private readonly double _unseenLogRatio;

        public FeatureRatio(double[] good, double[] bad, double priorWeight)
        {
            var values = good.Concat(bad).Distinct().ToArray();
            var categories = values.Length + 1;
            var priorPerCategory = priorWeight / categories;
            double LogP(double[] group, double value) =>
                Math.Log((group.Count(v => v == value) + priorPerCategory) / (group.Length + priorWeight));
            foreach (var v in values) _logRatios[v] = LogP(good, v) - LogP(bad, v);
            // A value neither group has keeps only its prior share in each: (w / K) / (N + w).
            _unseenLogRatio = Math.Log(bad.Length + priorWeight) - Math.Log(good.Length + priorWeight);
        }

        public double LogRatio(double value) => _logRatios.TryGetValue(value, out var r) ? r : _unseenLogRatio;
    }
}
