using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>
/// SMAC's random forest (<see cref="RandomForest"/>) on a vector embedding of architectures (WL features, path
/// encodings). The features are those that occur in the training points, in name order; a candidate's features
/// outside them are dropped, since no tree could split on them. Pending trials are added as data at their believed
/// losses and the forest is regrown.
/// </summary>
public sealed class ForestArchitectureSurrogate : IArchitectureSurrogate
{
    private readonly IArchitectureEmbedding _embedding;
    private readonly RandomForestOptions _options;
    private readonly List<Parameter> _points = [];
    private readonly List<double> _losses = [];
    private Dictionary<string, int> _vocabulary = [];
    private RandomForest? _forest;

    /// <summary>Creates the surrogate.</summary>
    /// <param name="embedding">The features of an architecture.</param>
    /// <param name="options">The forest's options; null for SMAC's defaults.</param>
    public ForestArchitectureSurrogate(IArchitectureEmbedding embedding, RandomForestOptions? options = null)
    {
        _embedding = embedding ?? throw new ArgumentNullException(nameof(embedding));
        _options = options ?? new RandomForestOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public void Fit(IReadOnlyList<Parameter> points, IReadOnlyList<double> losses, Random random)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(losses);
        _points.Clear();
        _losses.Clear();
        _points.AddRange(points);
        _losses.AddRange(losses);
        Grow(random);
    }

    /// <inheritdoc />
    public void Believe(IReadOnlyList<Parameter> points, IReadOnlyList<double> losses, Random random)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(losses);
        if (points.Count == 0) return;
        _points.AddRange(points);
        _losses.AddRange(losses);
        Grow(random);
    }

    /// <inheritdoc />
    public IReadOnlyList<ArchitecturePrediction> Predict(IReadOnlyList<Parameter> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var forest = _forest ?? throw new InvalidOperationException("The surrogate is not fitted: call Fit first.");
        var d = _vocabulary.Count;
        var flat = new double[points.Count * d];
        for (var i = 0; i < points.Count; i++) Write(_embedding.Embed(points[i]), flat.AsSpan(i * d, d));
        var mean = new double[points.Count];
        var variance = new double[points.Count];
        forest.Predict(flat, points.Count, mean, variance);
        return [new ArchitecturePrediction(mean, variance)];
    }

    private void Grow(Random random)
    {
        var embedded = _points.Select(_embedding.Embed).ToArray();
        // Name order keeps the feature columns, and so the forest's random choices, the same for the same data.
        var names = embedded.SelectMany(e => e.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (names.Length == 0) names = ["(none)"];
        _vocabulary = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var features = embedded.Select(e =>
        {
            var row = new double[names.Length];
            Write(e, row);
            return row;
        }).ToArray();
        _forest = new RandomForest(new int[names.Length], _options);
        _forest.Fit(features, _losses, random);
    }

    private void Write(IReadOnlyDictionary<string, double> embedded, Span<double> row)
    {
        row.Clear();
        foreach (var (name, value) in embedded)
        {
            if (_vocabulary.TryGetValue(name, out var column)) row[column] = value;
        }
    }
}
