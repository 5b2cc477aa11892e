namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>The kind of block a stage repeats.</summary>
public enum CnnBlockType
{
    /// <summary>One convolution, then batch norm (when on) and the activation.</summary>
    Plain,

    /// <summary>Two convolutions with an identity (or 1x1 projection) shortcut added before the last activation.</summary>
    Residual,

    /// <summary>A depthwise convolution followed by a 1x1 pointwise convolution, each with batch norm and activation.</summary>
    DepthwiseSeparable,
}
