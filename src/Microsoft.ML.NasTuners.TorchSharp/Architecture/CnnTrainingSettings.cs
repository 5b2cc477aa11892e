namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>How a network is trained. The learning rate is constant, so that training can stop after any epoch and
/// continue later with the same result as one long run.</summary>
/// <param name="Optimizer">The optimiser. Default <see cref="CnnOptimizer.Adam"/>.</param>
/// <param name="LearningRate">The learning rate, &gt; 0 (the search space uses log [1e-4, 1e-1]). Default 1e-3.</param>
/// <param name="WeightDecay">Weight decay, &gt;= 0 (the search space uses log [1e-6, 1e-2]). Default 1e-4.</param>
/// <param name="BatchSize">Mini-batch size, &gt;= 1 (the search space uses log-int [16, 256]). Default 64.</param>
/// <param name="LabelSmoothing">Label smoothing of the training loss, in [0, 1) (the search space uses [0, 0.2]).
/// Default 0. Validation loss is always plain cross-entropy.</param>
/// <param name="Momentum">Momentum of <see cref="CnnOptimizer.Sgd"/>, in [0, 1); ignored by the Adam family.
/// Default 0.9.</param>
public sealed record CnnTrainingSettings(
    CnnOptimizer Optimizer = CnnOptimizer.Adam,
    double LearningRate = 1e-3,
    double WeightDecay = 1e-4,
    int BatchSize = 64,
    double LabelSmoothing = 0,
    double Momentum = 0.9)
{
    internal void Validate()
    {
        if (!Enum.IsDefined(Optimizer)) throw new ArgumentOutOfRangeException(nameof(Optimizer), Optimizer, "Unknown optimizer.");
        if (!(LearningRate > 0 && double.IsFinite(LearningRate))) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be a finite number > 0.");
        if (!(WeightDecay >= 0 && double.IsFinite(WeightDecay))) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "WeightDecay must be a finite number >= 0.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        if (!(LabelSmoothing >= 0 && LabelSmoothing < 1)) throw new ArgumentOutOfRangeException(nameof(LabelSmoothing), LabelSmoothing, "LabelSmoothing must lie in [0, 1).");
        if (!(Momentum >= 0 && Momentum < 1)) throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "Momentum must lie in [0, 1).");
    }
}
