namespace Microsoft.ML.NasTuners.TorchSharp.Tests;

internal static class TestData
{
    private static readonly Lazy<DigitsSplit> Digits = new(() => DigitsDataset.Load());

    public static DigitsSplit Split => Digits.Value;

    /// <summary>A network small enough to train in well under a second on one thread.</summary>
    public static CnnConfiguration Tiny(double dropout = 0.2, CnnOptimizer optimizer = CnnOptimizer.Adam) => new(
        new CnnArchitecture(
            [
                new CnnStage(1, 16, 3, CnnBlockType.Residual, CnnActivation.ReLU, BatchNorm: true),
                new CnnStage(1, 16, 3, CnnBlockType.DepthwiseSeparable, CnnActivation.SiLU, BatchNorm: true, CnnDownsampling.MaxPool),
            ],
            new CnnHead(dropout, HiddenUnits: 32)),
        new CnnTrainingSettings(optimizer, LearningRate: 1e-2, WeightDecay: 1e-4, BatchSize: 32, LabelSmoothing: 0.05));
}
