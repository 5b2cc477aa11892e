using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>
/// Our tuners as ML.NET AutoML tuners:
/// <c>experiment.SetTuner(sp =&gt; AutoMLTuners.Create&lt;ITuner&gt;(sp, TunerKind.Smac, seed: 1))</c>, with
/// <c>ITuner</c> AutoML's own. The bridge references no AutoML assembly: it binds to the one the process loaded through
/// the type argument, reads the experiment's search space from the service provider and turns a pipeline's schemas
/// into a conditional space.
/// </summary>
public static class AutoMLTuners
{
    /// <summary>A tuner of <paramref name="kind"/>, seeded with <paramref name="seed"/>, as AutoML's
    /// <typeparamref name="TTuner"/>.</summary>
    /// <typeparam name="TTuner"><c>Microsoft.ML.AutoML.ITuner</c>.</typeparam>
    /// <param name="serviceProvider">The provider AutoML passes to <c>SetTuner</c>'s factory.</param>
    /// <param name="kind">Which of our tuners.</param>
    /// <param name="seed">The seed of every random choice the tuner makes.</param>
    /// <exception cref="ArgumentException"><typeparamref name="TTuner"/> is not AutoML's <c>ITuner</c>.</exception>
    /// <exception cref="InvalidOperationException">The provider is not an AutoML experiment's, or a multi-fidelity
    /// kind is asked for without a sub-sampled training set.</exception>
    /// <exception cref="NotSupportedException">The space holds an option of a kind the bridge does not know.</exception>
    public static TTuner Create<TTuner>(IServiceProvider serviceProvider, TunerKind kind, int seed)
        where TTuner : class
        => Create<TTuner>(serviceProvider, new AutoMLTunerOptions { Kind = kind, Seed = seed });

    /// <summary>A tuner built as <paramref name="options"/> say, as AutoML's <typeparamref name="TTuner"/>.</summary>
    /// <inheritdoc cref="Create{TTuner}(IServiceProvider, TunerKind, int)"/>
    public static TTuner Create<TTuner>(IServiceProvider serviceProvider, AutoMLTunerOptions options)
        where TTuner : class
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var contract = AutoMLContract.Bind(typeof(TTuner));
        var settings = contract.ExperimentSettingsFrom(serviceProvider);
        var space = new SpaceTranslator(contract.Parameters).TranslateExperiment(AutoMLContract.SearchSpaceOf(settings));
        var seed = options.Seed ?? AutoMLContract.SeedOf(settings) ?? 0;
        var tuner = BuildTuner(options, space, seed);
        return AutoMLTunerProxy.Create<TTuner>(new TunerBridge(tuner, space, options.Logger ?? NullLogger.Instance, seed));
    }

    private static ITuner BuildTuner(AutoMLTunerOptions options, ExperimentTranslation space, int seed)
    {
        var name = options.CreateTuner is null ? $"Tuner kind {options.Kind}" : "The tuner from AutoMLTunerOptions.CreateTuner";
        if (options.CreateTuner is null && StandardTuners.IsMultiFidelity(options.Kind) && space.SubSampling is null)
            throw NoFidelity(name);
        var budgets = space.SubSampling is { } ratio ? new BudgetRange(Math.Min(options.MinSubSamplingRatio, ratio.MaxRatio), ratio.MaxRatio) : null;
        var tuner = options.CreateTuner?.Invoke(space.Ours, seed) ?? StandardTuners.Create(options.Kind, space.Ours, seed, budgets);
        if (tuner is IMultiFidelityTuner multiFidelity)
        {
            if (space.SubSampling is null) throw NoFidelity(name);
            if (!(multiFidelity.BudgetRange.Max <= space.SubSampling.MaxRatio))
                throw new InvalidOperationException(
                    $"{name} proposes budgets {multiFidelity.BudgetRange}, but under AutoML a budget is the fraction of the training set, at most {space.SubSampling.MaxRatio}.");
        }
        return tuner;
    }

    private static InvalidOperationException NoFidelity(string tuner) => new(
        $"{tuner} is multi-fidelity: it trains most trials on part of the training set, and AutoML has no other fidelity. "
        + "Let AutoML sub-sample it with experiment.SetDataset(train, validation, subSamplingTrainDataset: true) before "
        + "SetTuner, or pick a single-fidelity kind (Smac, Tpe, Gp, ...).");
}
