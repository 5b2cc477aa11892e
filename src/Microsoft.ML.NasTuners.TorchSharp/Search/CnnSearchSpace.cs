namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>
/// The conditional search space of CNN image classifiers and their training, built on the core
/// <see cref="SearchSpace"/>. All keys sit at the top level of a proposed <see cref="Parameter"/>:
/// <list type="bullet">
/// <item>per stage <c>i</c>: <c>stage{i}_blocks</c> (int 1-3), <c>stage{i}_channels</c> (log-int 8-256),
/// <c>stage{i}_kernel</c> (3 or 5), <c>stage{i}_block</c> (<c>plain</c>, <c>residual</c>, <c>depthwise_separable</c>),
/// <c>stage{i}_activation</c> (<c>relu</c>, <c>gelu</c>, <c>silu</c>), <c>stage{i}_batch_norm</c> (true or false) and,
/// from stage 2, <c>stage{i}_downsampling</c> (<c>max_pool</c>, <c>stride2</c>); stage 1 works at the input size.</item>
/// <item>stage presence: each stage after <see cref="CnnSearchSpaceOptions.MinStages"/> is a
/// <see cref="ConditionalChoiceOption"/> <c>stage{i}</c> = <c>off</c> | <c>on</c>, and the <c>on</c> branch holds that
/// stage's parameters and the selector of the next stage. Stages are therefore contiguous, and stage <c>i</c>'s
/// parameters mean the same thing in every network that has them (good for surrogate models).</item>
/// <item>head: <c>head_dropout</c> ([0, 0.5]), <c>head_hidden</c> = <c>none</c> | <c>linear</c> with
/// <c>head_hidden_units</c> (log-int 16-512).</item>
/// <item>training: <c>optimizer</c> = <c>adam</c> | <c>adamw</c> | <c>sgd</c> with <c>sgd_momentum</c> ([0.5, 0.99]),
/// <c>learning_rate</c> (log [1e-4, 1e-1]), <c>weight_decay</c> (log [1e-6, 1e-2]), <c>batch_size</c> (log-int
/// [16, 256]), <c>label_smoothing</c> ([0, 0.2]).</item>
/// </list>
/// The default point is two plain stages (32 and 64 channels, 3x3, ReLU, batch norm, max-pool) trained by Adam at 1e-3.
/// </summary>
public static class CnnSearchSpace
{
    internal const string Off = "off";
    internal const string On = "on";

    internal static string Key(int stage, string name) => $"stage{stage}_{name}";

    internal static string Selector(int stage) => $"stage{stage}";

    internal static readonly string[] BlockNames = ["plain", "residual", "depthwise_separable"];
    internal static readonly string[] ActivationNames = ["relu", "gelu", "silu"];
    internal static readonly string[] DownsamplingNames = ["max_pool", "stride2"];
    internal static readonly string[] OptimizerNames = ["adam", "adamw", "sgd"];

    /// <summary>How architecture-aware tuners read a point of the space: tokens of the architecture string, the
    /// operations graph, and the architecture's JSON as the key of identical networks (training settings left out;
    /// see <see cref="CnnArchitectureEncoding"/>).</summary>
    public static CnnArchitectureEncoding Encoding { get; } = new();

    /// <summary>Creates the space.</summary>
    /// <param name="options">Bounds; the defaults of <see cref="CnnSearchSpaceOptions"/> when null.</param>
    public static SearchSpace Create(CnnSearchSpaceOptions? options = null)
    {
        options ??= new CnnSearchSpaceOptions();
        options.Validate();
        var space = new SearchSpace();
        AddStages(space, 1, options);

        space.Add("head_dropout", new UniformDoubleOption(0, 0.5, defaultValue: 0));
        space.Add("head_hidden", new ConditionalChoiceOption(
            [("none", new SearchSpace()), ("linear", Space(("head_hidden_units", new UniformIntOption(16, 512, logBase: true, defaultValue: 128))))],
            defaultBranch: "none"));

        if (options.IncludeTrainingParameters)
        {
            space.Add("optimizer", new ConditionalChoiceOption(
                [("adam", new SearchSpace()), ("adamw", new SearchSpace()), ("sgd", Space(("sgd_momentum", new UniformDoubleOption(0.5, 0.99, defaultValue: 0.9))))],
                defaultBranch: "adam"));
            space.Add("learning_rate", new UniformDoubleOption(1e-4, 1e-1, logBase: true, defaultValue: 1e-3));
            space.Add("weight_decay", new UniformDoubleOption(1e-6, 1e-2, logBase: true, defaultValue: 1e-4));
            space.Add("batch_size", new UniformIntOption(16, 256, logBase: true, defaultValue: 64));
            space.Add("label_smoothing", new UniformDoubleOption(0, 0.2, defaultValue: 0));
        }
        return space;
    }

    private static void AddStages(SearchSpace space, int stage, CnnSearchSpaceOptions options)
    {
        if (stage > options.MaxStages) return;
        var optional = stage > options.MinStages;
        var target = optional ? new SearchSpace() : space;
        var defaultChannels = Math.Clamp(16 << stage, options.MinChannels, options.MaxChannels);
        target.Add(Key(stage, "blocks"), new UniformIntOption(1, options.MaxBlocksPerStage, defaultValue: 1));
        target.Add(Key(stage, "channels"), new UniformIntOption(options.MinChannels, options.MaxChannels, logBase: true, defaultValue: defaultChannels));
        target.Add(Key(stage, "kernel"), new ChoiceOption(3, 5));
        target.Add(Key(stage, "block"), new ChoiceOption(BlockNames.Cast<object>().ToArray()));
        target.Add(Key(stage, "activation"), new ChoiceOption(ActivationNames.Cast<object>().ToArray()));
        target.Add(Key(stage, "batch_norm"), new ChoiceOption(true, false));
        if (stage > 1) target.Add(Key(stage, "downsampling"), new ChoiceOption(DownsamplingNames.Cast<object>().ToArray()));
        AddStages(target, stage + 1, options);
        // The "on" branch carries this stage and, nested inside, the choice of the next one. It is added once
        // complete, so the space's check for keys written twice sees every key.
        if (optional)
        {
            space.Add(Selector(stage), new ConditionalChoiceOption(
                [(Off, new SearchSpace()), (On, target)], defaultBranch: stage <= 2 ? On : Off));
        }
    }

    private static SearchSpace Space(params (string Key, OptionBase Option)[] options)
    {
        var space = new SearchSpace();
        foreach (var (key, option) in options) space.Add(key, option);
        return space;
    }
}
