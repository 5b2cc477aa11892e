namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>What NAS-Bench-201 recorded for one cell: test accuracies (%) after 12 and after 200 epochs on each
/// <see cref="Nb201Dataset"/>, and NATS-Bench's <c>UniqueString</c>, equal for cells it counts as isomorphic.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="TwelveEpochs">Test accuracy after 12 epochs, indexed by <see cref="Nb201Dataset"/>.</param>
/// <param name="TwoHundredEpochs">Test accuracy after 200 epochs, indexed by <see cref="Nb201Dataset"/>.</param>
/// <param name="UniqueString">NATS-Bench's key of the cell's isomorphism class.</param>
public sealed record Nb201Accuracies(Nb201Cell Cell, IReadOnlyList<double> TwelveEpochs, IReadOnlyList<double> TwoHundredEpochs, string UniqueString)
{
    /// <summary>The 12-epoch test accuracy on <paramref name="dataset"/>.</summary>
    public double TwelveEpochAccuracy(Nb201Dataset dataset) => TwelveEpochs[(int)dataset];

    /// <summary>The 200-epoch test accuracy on <paramref name="dataset"/>.</summary>
    public double TwoHundredEpochAccuracy(Nb201Dataset dataset) => TwoHundredEpochs[(int)dataset];
}
