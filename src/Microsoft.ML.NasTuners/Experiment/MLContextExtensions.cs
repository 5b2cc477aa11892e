using Microsoft.ML.NasTuners;

namespace Microsoft.ML;

/// <summary>Hangs the NasTuners entry points on <see cref="MLContext"/>, as ML.NET AutoML hangs its own on
/// <c>mlContext.Auto()</c>.</summary>
public static class MLContextExtensions
{
    /// <summary>The catalog of hyper-parameter optimisation and architecture search: <c>mlContext.Nas().CreateExperiment()</c>.</summary>
    /// <param name="context">The ML.NET context.</param>
    public static NasCatalog Nas(this MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new NasCatalog(context);
    }
}
