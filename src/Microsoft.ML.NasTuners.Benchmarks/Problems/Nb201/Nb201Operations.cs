namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>The five operations an edge of a NAS-Bench-201 cell can carry, by the names the benchmark uses.</summary>
public static class Nb201Operations
{
    /// <summary>No connection: the edge contributes zero.</summary>
    public const string None = "none";

    /// <summary>Identity: the edge passes its source through unchanged.</summary>
    public const string SkipConnect = "skip_connect";

    /// <summary>ReLU, 1x1 convolution, batch norm.</summary>
    public const string Conv1x1 = "nor_conv_1x1";

    /// <summary>ReLU, 3x3 convolution, batch norm.</summary>
    public const string Conv3x3 = "nor_conv_3x3";

    /// <summary>3x3 average pooling.</summary>
    public const string AvgPool3x3 = "avg_pool_3x3";

    /// <summary>All five, in the order the search space offers them.</summary>
    public static IReadOnlyList<string> All { get; } = [None, SkipConnect, Conv1x1, Conv3x3, AvgPool3x3];

    /// <summary>The three that compute something (neither zero nor identity): the node labels of a cell's graph.</summary>
    public static IReadOnlyList<string> Computing { get; } = [Conv1x1, Conv3x3, AvgPool3x3];

    /// <summary>True for an operation that computes something (not <see cref="None"/> or <see cref="SkipConnect"/>).</summary>
    public static bool IsComputing(string operation) => operation is Conv1x1 or Conv3x3 or AvgPool3x3;
}
