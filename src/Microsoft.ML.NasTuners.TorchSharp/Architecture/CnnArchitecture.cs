using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>
/// A CNN image classifier's architecture: stages of blocks, then a head with global average pooling. Parse one from
/// a search-space <see cref="Parameter"/> with <see cref="CnnConfiguration.FromParameter"/>, build it with
/// <see cref="CnnModelBuilder"/>, encode it with <see cref="ToArchitectureString"/> or <see cref="ToGraph"/>.
/// </summary>
public sealed record CnnArchitecture
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new JsonStringEnumConverter() },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
    };

    /// <summary>Creates an architecture.</summary>
    /// <param name="stages">The stages, at least one.</param>
    /// <param name="head">The head; no hidden layer and no dropout when null.</param>
    /// <exception cref="ArgumentException">A stage or the head is invalid; the message names it and the allowed range.</exception>
    [JsonConstructor]
    public CnnArchitecture(IReadOnlyList<CnnStage> stages, CnnHead? head = null)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Count == 0) throw new ArgumentException("An architecture needs at least one stage.", nameof(stages));
        Stages = stages.Select((s, i) => s ?? throw new ArgumentException($"Stage {i + 1} is null.", nameof(stages))).ToArray();
        Head = head ?? new CnnHead();
        for (var i = 0; i < Stages.Count; i++) Stages[i].Validate(i);
        Head.Validate();
    }

    /// <summary>The stages, in order.</summary>
    public IReadOnlyList<CnnStage> Stages { get; }

    /// <summary>The classifier head.</summary>
    public CnnHead Head { get; }

    /// <summary>The channels the last stage outputs (the width the head pools).</summary>
    [JsonIgnore]
    public int OutputChannels => Stages[^1].Channels;

    /// <summary>What each stage does to the spatial size of <paramref name="input"/>: a stage downsamples (rounding
    /// sides up) only while both sides are at least 2, and skips the step otherwise, so no image shrinks below 1x1.</summary>
    public IReadOnlyList<CnnStagePlan> Plan(CnnInputShape input)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Validate();
        var (h, w) = (input.Height, input.Width);
        var plans = new CnnStagePlan[Stages.Count];
        for (var i = 0; i < Stages.Count; i++)
        {
            var applied = Stages[i].Downsampling != CnnDownsampling.None && Math.Min(h, w) >= 2 ? Stages[i].Downsampling : CnnDownsampling.None;
            if (applied != CnnDownsampling.None) (h, w) = ((h + 1) / 2, (w + 1) / 2);
            plans[i] = new CnnStagePlan(applied, h, w);
        }
        return plans;
    }

    /// <summary>
    /// A stable token string: one space-separated token per block, a <c>maxpool</c> token where a stage starts with
    /// max-pooling, then the head. A block token reads <c>{type}{k}x{k}[/s2]-c{channels}-{activation}[-bn]</c> with
    /// type <c>plain</c>, <c>res</c> or <c>sep</c>; the head reads <c>gap [fc{units}-{activation}] [dropout{p}]
    /// classifier</c>. Example: <c>plain3x3-c32-relu-bn maxpool res5x5-c64-gelu gap dropout0.25 classifier</c>.
    /// </summary>
    public string ToArchitectureString()
    {
        var tokens = new List<string>();
        foreach (var stage in Stages)
        {
            if (stage.Downsampling == CnnDownsampling.MaxPool) tokens.Add("maxpool");
            for (var b = 0; b < stage.Blocks; b++)
            {
                var stride = b == 0 && stage.Downsampling == CnnDownsampling.Stride2 ? "/s2" : "";
                var kind = stage.BlockType switch
                {
                    CnnBlockType.Residual => "res",
                    CnnBlockType.DepthwiseSeparable => "sep",
                    _ => "plain",
                };
                tokens.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{kind}{stage.KernelSize}x{stage.KernelSize}{stride}-c{stage.Channels}-{ActivationToken(stage.Activation)}{(stage.BatchNorm ? "-bn" : "")}"));
            }
        }
        tokens.Add("gap");
        if (Head.HiddenUnits is { } units)
            tokens.Add(string.Create(CultureInfo.InvariantCulture, $"fc{units}-{ActivationToken(Stages[^1].Activation)}"));
        if (Head.Dropout > 0)
            tokens.Add("dropout" + Head.Dropout.ToString("0.####", CultureInfo.InvariantCulture));
        tokens.Add("classifier");
        return string.Join(' ', tokens);
    }

    /// <summary>
    /// The architecture as a labelled DAG of operations (see <see cref="CnnGraphNode.Operation"/> for the labels).
    /// Residual blocks add a shortcut edge (through a 1x1 projection when the width or stride changes).
    /// </summary>
    /// <param name="input">When given, the graph is the one built for this input: downsampling skipped at 1x1 is
    /// left out and the input node carries the input channels. When null (the default), every declared downsampling
    /// appears and the input node has 0 channels.</param>
    public CnnGraph ToGraph(CnnInputShape? input = null)
    {
        var nodes = new List<CnnGraphNode>();
        var edges = new List<CnnGraphEdge>();
        int Add(string op, int channels, params int[] from)
        {
            var id = nodes.Count;
            nodes.Add(new CnnGraphNode(id, op, channels));
            foreach (var f in from) edges.Add(new CnnGraphEdge(f, id));
            return id;
        }

        var plans = input is null ? null : Plan(input);
        var current = Add("input", input?.Channels ?? 0);
        var channels = input?.Channels ?? 0;
        for (var s = 0; s < Stages.Count; s++)
        {
            var stage = Stages[s];
            var downsampling = plans?[s].Downsampling ?? stage.Downsampling;
            if (downsampling == CnnDownsampling.MaxPool) current = Add("maxpool2x2", channels, current);
            for (var b = 0; b < stage.Blocks; b++)
            {
                var stride2 = b == 0 && downsampling == CnnDownsampling.Stride2;
                var conv = $"conv{stage.KernelSize}x{stage.KernelSize}";
                var suffix = stride2 ? "/s2" : "";
                var act = ActivationToken(stage.Activation);
                var blockInput = current;
                int Norm(int from) => stage.BatchNorm ? Add("batchnorm", stage.Channels, from) : from;
                switch (stage.BlockType)
                {
                    case CnnBlockType.Plain:
                        current = Add(act, stage.Channels, Norm(Add(conv + suffix, stage.Channels, current)));
                        break;
                    case CnnBlockType.DepthwiseSeparable:
                        current = Add(act, channels, NormWidth(Add("dw" + conv + suffix, channels, current), channels));
                        current = Add(act, stage.Channels, Norm(Add("conv1x1", stage.Channels, current)));
                        break;
                    default:
                        var main = Add(act, stage.Channels, Norm(Add(conv + suffix, stage.Channels, current)));
                        main = Norm(Add(conv, stage.Channels, main));
                        var shortcut = blockInput;
                        // Unknown input width (0) counts as different: the builder projects whenever widths differ.
                        if (stride2 || channels != stage.Channels)
                            shortcut = Norm(Add("conv1x1" + suffix, stage.Channels, blockInput));
                        current = Add(act, stage.Channels, Add("add", stage.Channels, main, shortcut));
                        break;
                }
                channels = stage.Channels;

                int NormWidth(int from, int width) => stage.BatchNorm ? Add("batchnorm", width, from) : from;
            }
        }
        current = Add("global_avg_pool", channels, current);
        if (Head.HiddenUnits is { } units)
            current = Add(ActivationToken(Stages[^1].Activation), units, Add("linear", units, current));
        if (Head.Dropout > 0) current = Add("dropout", nodes[current].Channels, current);
        current = Add("linear", 0, current);
        Add("output", 0, current);
        return new CnnGraph(nodes, edges.OrderBy(e => e.To).ThenBy(e => e.From).ToArray());
    }

    /// <summary>The architecture as JSON (camel-case names, enums by name).</summary>
    public string ToJson(bool indented = false) =>
        JsonSerializer.Serialize(this, new JsonSerializerOptions(JsonOptions) { WriteIndented = indented });

    /// <summary>Reads an architecture written by <see cref="ToJson"/>.</summary>
    /// <exception cref="ArgumentException">The JSON is not a valid architecture.</exception>
    public static CnnArchitecture FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<CnnArchitecture>(json, JsonOptions)
                   ?? throw new ArgumentException("JSON 'null' is not an architecture.", nameof(json));
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Not an architecture: {e.Message}", nameof(json), e);
        }
    }

    /// <inheritdoc />
    public bool Equals(CnnArchitecture? other) =>
        other is not null && Head.Equals(other.Head) && Stages.SequenceEqual(other.Stages);

    /// <inheritdoc />
    public override int GetHashCode() => Stages.Aggregate(Head.GetHashCode(), HashCode.Combine);

    /// <inheritdoc />
    public override string ToString() => ToArchitectureString();

    internal static string ActivationToken(CnnActivation activation) => activation switch
    {
        CnnActivation.GELU => "gelu",
        CnnActivation.SiLU => "silu",
        _ => "relu",
    };
}
