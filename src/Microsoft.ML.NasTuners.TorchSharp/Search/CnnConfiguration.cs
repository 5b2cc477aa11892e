namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>A point of <see cref="CnnSearchSpace"/> in typed form: the architecture and how to train it.</summary>
/// <param name="Architecture">The network.</param>
/// <param name="Training">The training settings.</param>
public sealed record CnnConfiguration(CnnArchitecture Architecture, CnnTrainingSettings Training)
{
    /// <summary>Reads a parameter proposed from <see cref="CnnSearchSpace"/> (see its documentation for the keys).
    /// Training keys that are absent take <see cref="CnnTrainingSettings"/>' defaults; head keys that are absent mean
    /// no dropout and no hidden layer.</summary>
    /// <exception cref="ArgumentException">A key is missing or holds a value outside its choices; the message names it.</exception>
    public static CnnConfiguration FromParameter(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter.Type != ParameterType.Object)
            throw new ArgumentException($"A CNN configuration is read from an object parameter, got {parameter.Type} {parameter}.", nameof(parameter));

        var stages = new List<CnnStage>();
        for (var i = 1; i <= 4; i++)
        {
            if (parameter.TryGetValue(CnnSearchSpace.Selector(i), out var selector) && Text(selector, CnnSearchSpace.Selector(i)) != CnnSearchSpace.On) break;
            if (!parameter.ContainsKey(CnnSearchSpace.Key(i, "channels")))
            {
                if (i == 1) throw new ArgumentException($"The parameter has no '{CnnSearchSpace.Key(1, "channels")}': it is not from the CNN search space. Keys: {string.Join(", ", parameter.Keys)}.", nameof(parameter));
                break;
            }
            stages.Add(new CnnStage(
                Blocks: Int(parameter, CnnSearchSpace.Key(i, "blocks")),
                Channels: Int(parameter, CnnSearchSpace.Key(i, "channels")),
                KernelSize: Int(parameter, CnnSearchSpace.Key(i, "kernel")),
                BlockType: (CnnBlockType)Choice(parameter, CnnSearchSpace.Key(i, "block"), CnnSearchSpace.BlockNames),
                Activation: (CnnActivation)Choice(parameter, CnnSearchSpace.Key(i, "activation"), CnnSearchSpace.ActivationNames),
                BatchNorm: Bool(parameter, CnnSearchSpace.Key(i, "batch_norm")),
                Downsampling: i == 1 ? CnnDownsampling.None
                    : (CnnDownsampling)(1 + Choice(parameter, CnnSearchSpace.Key(i, "downsampling"), CnnSearchSpace.DownsamplingNames))));
        }

        int? hidden = parameter.TryGetValue("head_hidden", out var h) && Text(h, "head_hidden") == "linear" ? Int(parameter, "head_hidden_units") : null;
        var head = new CnnHead(Number(parameter, "head_dropout", 0), hidden);

        var defaults = new CnnTrainingSettings();
        var optimizer = parameter.ContainsKey("optimizer") ? (CnnOptimizer)Choice(parameter, "optimizer", CnnSearchSpace.OptimizerNames) : defaults.Optimizer;
        var training = new CnnTrainingSettings(
            Optimizer: optimizer,
            LearningRate: Number(parameter, "learning_rate", defaults.LearningRate),
            WeightDecay: Number(parameter, "weight_decay", defaults.WeightDecay),
            BatchSize: parameter.ContainsKey("batch_size") ? Int(parameter, "batch_size") : defaults.BatchSize,
            LabelSmoothing: Number(parameter, "label_smoothing", defaults.LabelSmoothing),
            Momentum: optimizer == CnnOptimizer.Sgd ? Number(parameter, "sgd_momentum", defaults.Momentum) : defaults.Momentum);
        try
        {
            training.Validate();
            return new CnnConfiguration(new CnnArchitecture(stages, head), training);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"Invalid CNN configuration: {e.Message}", nameof(parameter), e);
        }
    }

    /// <summary>This configuration as a parameter of <see cref="CnnSearchSpace"/> (up to four stages; stage 1 must not
    /// downsample), the inverse of <see cref="FromParameter"/>.</summary>
    /// <exception cref="ArgumentException">The architecture has more than four stages or a downsampling first stage.</exception>
    public Parameter ToParameter()
    {
        var stages = Architecture.Stages;
        if (stages.Count > 4) throw new ArgumentException($"The search space holds at most 4 stages, this architecture has {stages.Count}.");
        if (stages[0].Downsampling != CnnDownsampling.None) throw new ArgumentException("In the search space stage 1 does not downsample.");
        var p = Parameter.CreateNestedParameter();
        for (var i = 1; i <= stages.Count; i++)
        {
            var s = stages[i - 1];
            if (i > 1)
            {
                p[CnnSearchSpace.Selector(i)] = Parameter.FromString(CnnSearchSpace.On);
                if (s.Downsampling == CnnDownsampling.None) throw new ArgumentException($"In the search space stage {i} downsamples (max-pool or stride 2).");
                p[CnnSearchSpace.Key(i, "downsampling")] = Parameter.FromString(CnnSearchSpace.DownsamplingNames[(int)s.Downsampling - 1]);
            }
            p[CnnSearchSpace.Key(i, "blocks")] = Parameter.FromInt(s.Blocks);
            p[CnnSearchSpace.Key(i, "channels")] = Parameter.FromInt(s.Channels);
            p[CnnSearchSpace.Key(i, "kernel")] = Parameter.FromInt(s.KernelSize);
            p[CnnSearchSpace.Key(i, "block")] = Parameter.FromString(CnnSearchSpace.BlockNames[(int)s.BlockType]);
            p[CnnSearchSpace.Key(i, "activation")] = Parameter.FromString(CnnSearchSpace.ActivationNames[(int)s.Activation]);
            p[CnnSearchSpace.Key(i, "batch_norm")] = Parameter.FromBool(s.BatchNorm);
        }
        if (stages.Count < 4) p[CnnSearchSpace.Selector(stages.Count + 1)] = Parameter.FromString(CnnSearchSpace.Off);
        p["head_dropout"] = Parameter.FromDouble(Architecture.Head.Dropout);
        p["head_hidden"] = Parameter.FromString(Architecture.Head.HiddenUnits is null ? "none" : "linear");
        if (Architecture.Head.HiddenUnits is { } units) p["head_hidden_units"] = Parameter.FromInt(units);
        p["optimizer"] = Parameter.FromString(CnnSearchSpace.OptimizerNames[(int)Training.Optimizer]);
        if (Training.Optimizer == CnnOptimizer.Sgd) p["sgd_momentum"] = Parameter.FromDouble(Training.Momentum);
        p["learning_rate"] = Parameter.FromDouble(Training.LearningRate);
        p["weight_decay"] = Parameter.FromDouble(Training.WeightDecay);
        p["batch_size"] = Parameter.FromInt(Training.BatchSize);
        p["label_smoothing"] = Parameter.FromDouble(Training.LabelSmoothing);
        return p;
    }

    private static Parameter Get(Parameter parameter, string key) =>
        parameter.TryGetValue(key, out var value)
            ? value
            : throw new ArgumentException($"The parameter has no value for '{key}'.", nameof(parameter));

    private static int Int(Parameter parameter, string key)
    {
        var value = Get(parameter, key);
        if (!value.IsNumber || value.AsDouble() != Math.Round(value.AsDouble()) || Math.Abs(value.AsDouble()) > int.MaxValue)
            throw new ArgumentException($"Parameter '{key}' must be a whole number, got {value}.", nameof(parameter));
        return (int)value.AsDouble();
    }

    private static double Number(Parameter parameter, string key, double fallback)
    {
        if (!parameter.TryGetValue(key, out var value)) return fallback;
        return value.IsNumber ? value.AsDouble() : throw new ArgumentException($"Parameter '{key}' must be a number, got {value}.", nameof(parameter));
    }

    private static bool Bool(Parameter parameter, string key)
    {
        var value = Get(parameter, key);
        return value.Type switch
        {
            ParameterType.Bool => value.AsBool(),
            ParameterType.String when bool.TryParse(value.AsString(), out var b) => b,
            _ => throw new ArgumentException($"Parameter '{key}' must be true or false, got {value}.", nameof(parameter)),
        };
    }

    private static string Text(Parameter value, string key) =>
        value.Type == ParameterType.String ? value.AsString() : throw new ArgumentException($"Parameter '{key}' must be a string, got {value}.");

    private static int Choice(Parameter parameter, string key, string[] names)
    {
        var text = Text(Get(parameter, key), key);
        var index = Array.IndexOf(names, text);
        return index >= 0 ? index : throw new ArgumentException($"Parameter '{key}' is '{text}', not one of [{string.Join(", ", names)}].", nameof(parameter));
    }
}
