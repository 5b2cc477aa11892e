namespace Microsoft.ML.NasTuners.Pipelines.Trainers;

/// <summary>
/// A trainer the pipeline search may choose: its name (a branch of the search space's <c>trainer</c> choice), the
/// hyper-parameters that branch opens, a factory turning a proposal into an ML.NET estimator, and a factory for
/// ML.NET's own default settings (the baseline the search is measured against).
/// </summary>
/// <example>
/// <code>
/// // A trainer of your own, from a class whose properties carry [Range] attributes:
/// var trainer = PipelineTrainer.Create&lt;MyOptions&gt;("MyGam", PipelineTask.Regression, new SearchSpace&lt;MyOptions&gt;(),
///     (context, options, input) =&gt; context.Regression.Trainers.Gam(input.LabelColumnName, input.FeatureColumnName,
///         numberOfIterations: options.Iterations));
/// </code>
/// </example>
public sealed class PipelineTrainer
{
    private readonly Func<MLContext, Parameter, TrainerInput, IEstimator<ITransformer>> _factory;
    private readonly Func<MLContext, TrainerInput, IEstimator<ITransformer>> _defaults;

    private PipelineTrainer(string name, PipelineTask task, SearchSpace searchSpace,
        Func<MLContext, Parameter, TrainerInput, IEstimator<ITransformer>> factory,
        Func<MLContext, TrainerInput, IEstimator<ITransformer>>? defaults, bool needsNormalization, bool usesIterations,
        bool defaultPointIsMlNetDefaults)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Task = task;
        SearchSpace = searchSpace ?? throw new ArgumentNullException(nameof(searchSpace));
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _defaults = defaults ?? ((context, input) => factory(context, searchSpace.SampleDefault(), input));
        NeedsNormalization = needsNormalization;
        UsesIterationFidelity = usesIterations;
        DefaultPointIsMlNetDefaults = defaultPointIsMlNetDefaults && defaults is not null;
    }

    /// <summary>The trainer's name, as proposals and results show it.</summary>
    public string Name { get; }

    /// <summary>The task it trains for.</summary>
    public PipelineTask Task { get; }

    /// <summary>Its hyper-parameters (a copy is searched; change ranges with <see cref="WithOption"/>).</summary>
    public SearchSpace SearchSpace { get; }

    /// <summary>True when the features are min-max normalised before it (linear models, the perceptron).</summary>
    public bool NeedsNormalization { get; }

    /// <summary>True when a low-fidelity trial also trains fewer boosting iterations (see <see cref="TrainerInput.ScaleIterations"/>).</summary>
    public bool UsesIterationFidelity { get; }

    /// <summary>A trainer whose hyper-parameters are the properties of <typeparamref name="TOptions"/>.</summary>
    /// <param name="name">The branch name.</param>
    /// <param name="task">The task.</param>
    /// <param name="searchSpace">The space, typically <c>new SearchSpace&lt;TOptions&gt;()</c> over ML.NET's [Range] and [Choice] attributes.</param>
    /// <param name="factory">Builds the estimator from a proposal.</param>
    /// <param name="needsNormalization">Normalise the features first.</param>
    /// <param name="defaults">ML.NET's defaults for the baseline; the space's defaults when null.</param>
    public static PipelineTrainer Create<TOptions>(string name, PipelineTask task, SearchSpace<TOptions> searchSpace,
        Func<MLContext, TOptions, TrainerInput, IEstimator<ITransformer>> factory, bool needsNormalization = false,
        Func<MLContext, TrainerInput, IEstimator<ITransformer>>? defaults = null)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new PipelineTrainer(name, task, searchSpace, (context, parameter, input) => factory(context, parameter.AsType<TOptions>(), input),
            defaults, needsNormalization, usesIterations: false, defaultPointIsMlNetDefaults: true);
    }

    /// <summary>A trainer over an untyped space; the factory reads the proposal's values by key.</summary>
    public static PipelineTrainer Create(string name, PipelineTask task, SearchSpace searchSpace,
        Func<MLContext, Parameter, TrainerInput, IEstimator<ITransformer>> factory, bool needsNormalization = false,
        Func<MLContext, TrainerInput, IEstimator<ITransformer>>? defaults = null, bool usesIterationFidelity = false) =>
        new(name, task, searchSpace, factory, defaults, needsNormalization, usesIterationFidelity, defaultPointIsMlNetDefaults: true);

    /// <summary>The same trainer with the hyper-parameter <paramref name="key"/> searched over <paramref name="option"/>
    /// (a new range, or a new hyper-parameter the factory reads).</summary>
    public PipelineTrainer WithOption(string key, OptionBase option)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(option);
        var space = new SearchSpace(SearchSpace.Where(kv => kv.Key != key)) { [key] = option };
        // A changed space has its own default point, which ML.NET's defaults need not respect (a narrowed range).
        return new PipelineTrainer(Name, Task, space, _factory, _defaults, NeedsNormalization, UsesIterationFidelity, defaultPointIsMlNetDefaults: false);
    }

    /// <summary>True when the default point of <see cref="SearchSpace"/> stands for ML.NET's default settings, so a search
    /// that starts from it trains the defaults estimator: the trainer has a defaults factory and its space is the one it
    /// was created with.</summary>
    internal bool DefaultPointIsMlNetDefaults { get; }

    /// <summary>The estimator for a proposal of this trainer's hyper-parameters.</summary>
    internal IEstimator<ITransformer> CreateEstimator(MLContext context, Parameter parameter, TrainerInput input) => _factory(context, parameter, input);

    /// <summary>The estimator with ML.NET's default settings.</summary>
    internal IEstimator<ITransformer> CreateDefaultEstimator(MLContext context, TrainerInput input) => _defaults(context, input);

    /// <inheritdoc />
    public override string ToString() => Name;
}
