using Microsoft.ML.NasTuners.Pipelines;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Cli.Pipelines;

/// <summary>The ways of finding a pipeline that <c>nas-tuners pipelines</c> compares.</summary>
internal static class ComparisonMethods
{
    /// <summary>Our default: the auto tuner with fidelities (budgets 1 to 9).</summary>
    public const string Auto = "auto";

    /// <summary>Our default with the best trial's pipeline as the model, never an ensemble.</summary>
    public const string AutoBestTrial = "auto-best-trial";

    /// <summary>The auto tuner with every trial at the full budget.</summary>
    public const string AutoSingleFidelity = "auto-single";

    /// <summary>BOHB with fidelities.</summary>
    public const string Bohb = "bohb";

    /// <summary>Random search, every trial at the full budget.</summary>
    public const string Random = "random";

    /// <summary>Every trainer with ML.NET's default settings, the best on validation kept.</summary>
    public const string MlNetDefaults = "mlnet-defaults";

    public static IReadOnlyList<string> Names { get; } = [Auto, MlNetDefaults, Random, AutoSingleFidelity, Bohb, AutoBestTrial];

    /// <summary>The default comparison of issue 18: our default against ML.NET's defaults and random search.</summary>
    public static IReadOnlyList<string> Default { get; } = [Auto, MlNetDefaults, Random];

    public static Task<PipelineResult> Run(string method, PipelineExperiment experiment, CancellationToken cancellationToken) => method switch
    {
        Auto => experiment.RunAsync(cancellationToken),
        AutoBestTrial => experiment.SetEnsembleSize(1).RunAsync(cancellationToken),
        AutoSingleFidelity => experiment.SetFidelities(false).RunAsync(cancellationToken),
        Bohb => experiment.SetTuner(TunerKind.Bohb).RunAsync(cancellationToken),
        Random => experiment.SetFidelities(false).SetTuner(TunerKind.Random).RunAsync(cancellationToken),
        MlNetDefaults => experiment.RunMlNetDefaultsAsync(cancellationToken),
        _ => throw new UsageException($"Unknown method '{method}'. Methods: {string.Join(", ", Names)}."),
    };
}
