namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>The non-linearity used inside a stage (and by the head's hidden layer after the last stage).</summary>
public enum CnnActivation
{
    /// <summary>max(0, x).</summary>
    ReLU,

    /// <summary>Gaussian error linear unit.</summary>
    GELU,

    /// <summary>x * sigmoid(x) (also called swish).</summary>
    SiLU,
}
