namespace Microsoft.ML.NasTuners.Benchmarks.Pruning;

/// <summary>One run of <see cref="PruningComparison"/>: a pruner (or none) on one seed, until its epochs were spent.</summary>
/// <param name="Pruner">The pruner's name: none, median or asha.</param>
/// <param name="Seed">The seed of the tuner.</param>
/// <param name="Regret">(best fully trained loss − f*) / regret scale; +∞ when no trial trained to the end.</param>
/// <param name="Trials">Trials started.</param>
/// <param name="FullTrainings">Trials that trained every epoch.</param>
/// <param name="Pruned">Trials the pruner stopped.</param>
/// <param name="Epochs">Epochs spent (the budget, reached mid-trial at the end).</param>
public sealed record PruningRun(string Pruner, int Seed, double Regret, int Trials, int FullTrainings, int Pruned, long Epochs);
