namespace Microsoft.ML.NasTuners.AutoML.Tests;

using Microsoft.ML.AutoML;
using Microsoft.ML.NasTuners.Tuners;
using AutoMLParameter = Microsoft.ML.SearchSpace.Parameter;
using AutoMLSearchSpace = Microsoft.ML.SearchSpace.SearchSpace;

/// <summary>One run of the twin's AutoML loop with one of our tuners set the way a user sets it, and what it left:
/// the experiment-level space the tuner saw, the trials AutoML ran, the bridge behind the tuner, AutoML's best
/// result.</summary>
internal sealed record TwinRun(AutoMLSearchSpace Space, FunctionTrialRunner Runner, TunerBridge Bridge, TrialResult Best)
{
    /// <summary>The parameters AutoML trained, in trial order.</summary>
    public IReadOnlyList<AutoMLParameter> Proposals => Runner.Trials.Select(t => t.Parameter).ToList();

    /// <summary>The twin experiment with <paramref name="setUp"/> applied (spaces, dataset).</summary>
    public static AutoMLExperiment NewExperiment(out AutoMLExperiment.AutoMLExperimentSettings settings, int? experimentSeed = 5)
    {
        settings = new AutoMLExperiment.AutoMLExperimentSettings { Seed = experimentSeed };
        return new AutoMLExperiment(new MLContext(0), settings);
    }

    /// <summary>Runs <paramref name="trials"/> trials of a pipeline with two schemas (<see cref="PipelineSpaces"/>)
    /// and a sub-sampled training set, with our tuner of <paramref name="kind"/>.</summary>
    public static Task<TwinRun> PipelineAsync(TunerKind kind, int trials, Func<TrialSettings, double> loss, int seed = 1) =>
        RunAsync(experiment => experiment
                .AddSearchSpace(AutoMLExperiment.PipelineSearchspaceName, PipelineSpaces.TwoSchemas())
                .SetDataset(EmptyData, EmptyData, subSamplingTrainDataset: true),
            services => AutoMLTuners.Create<ITuner>(services, kind, seed), trials, loss);

    /// <summary>Runs the twin loop on an experiment set up by <paramref name="setUp"/>, with the tuner
    /// <paramref name="createTuner"/> makes from AutoML's services.</summary>
    public static async Task<TwinRun> RunAsync(Action<AutoMLExperiment> setUp, Func<IServiceProvider, ITuner> createTuner,
        int trials, Func<TrialSettings, double> loss)
    {
        var experiment = NewExperiment(out var settings);
        setUp(experiment);
        ITuner? tuner = null;
        var runner = new FunctionTrialRunner(loss);
        var best = await experiment
            .SetTuner(services => tuner = createTuner(services))
            .SetTrialRunner(runner)
            .SetMaxModelToExplore(trials)
            .RunAsync();
        return new TwinRun(settings.SearchSpace, runner, AutoMLTunerProxy.BridgeOf(tuner!)!, best);
    }

    private static IDataView EmptyData { get; } = new MLContext(0).Data.LoadFromEnumerable(new[] { new Row() });

    private sealed class Row
    {
        public float Value { get; set; }
    }
}
