namespace Microsoft.ML.NasTuners.Pipelines.Featurization;

/// <summary>
/// The thresholds that choose a column's treatment. One-hot up to <see cref="MaxOneHotCardinality"/> values follows
/// ML.NET AutoML's column inference, which one-hot encodes low-cardinality text and hashes the rest; text is told from
/// a category by its words per value, as AutoML's inference tells "text" from "categorical" by content.
/// </summary>
public sealed record FeaturizationRules
{
    /// <summary>A text column with at most this many distinct values is one-hot encoded; above, hashed. Default 64.</summary>
    public int MaxOneHotCardinality { get; init; } = 64;

    /// <summary>A text column whose values have on average at least this many words is free text. Default 3.</summary>
    public double MinTextWordsPerValue { get; init; } = 3;

    /// <summary>Hash bits for a hashed categorical column: 2^bits slots. Default 12 (4096 slots).</summary>
    public int HashBits { get; init; } = 12;
}
