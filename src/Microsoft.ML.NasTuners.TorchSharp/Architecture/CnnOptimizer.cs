namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>The optimiser that trains a network.</summary>
public enum CnnOptimizer
{
    /// <summary>Adam, with weight decay added to the gradient (L2).</summary>
    Adam,

    /// <summary>Adam with decoupled weight decay.</summary>
    AdamW,

    /// <summary>Stochastic gradient descent with (heavy-ball) momentum.</summary>
    Sgd,
}
