using Microsoft.ML.NasTuners.TorchSharp.Modules;
using Microsoft.ML.NasTuners.TorchSharp.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>Builds TorchSharp modules from architectures.</summary>
/// <remarks>
/// Layout: each stage applies its downsampling (skipped once a side is 1; see <see cref="CnnArchitecture.Plan"/>),
/// then its blocks; the head averages over space, applies the optional hidden layer (with the last stage's
/// activation), dropout, and a linear layer to the classes. Convolutions use "same" padding (k/2), and have no bias
/// when batch norm follows. Weights are initialised from the seed alone, as PyTorch's defaults do it
/// (uniform in ±1/sqrt(fan-in) for convolution and linear weights and biases; batch norm at 1 and 0).
/// </remarks>
public static class CnnModelBuilder
{
    /// <summary>Builds the network of <paramref name="architecture"/> for one input shape and class count.</summary>
    /// <param name="architecture">The architecture.</param>
    /// <param name="input">The shape of one image.</param>
    /// <param name="classCount">The number of classes, at least 2.</param>
    /// <param name="seed">Seed of the weights and of dropout. Default 0.</param>
    /// <exception cref="TorchNativeLoadException">TorchSharp's native library cannot be loaded.</exception>
    public static CnnNetwork Build(CnnArchitecture architecture, CnnInputShape input, int classCount, long seed = 0)
    {
        TorchNative.EnsureLoaded();
        var generator = new Generator(unchecked((ulong)seed), CPU);
        try
        {
            return Build(architecture, input, classCount, generator, ownsGenerator: true);
        }
        catch
        {
            generator.Dispose();
            throw;
        }
    }

    /// <summary>Builds with a generator the caller keeps (the trainer checkpoints its state).</summary>
    internal static CnnNetwork Build(CnnArchitecture architecture, CnnInputShape input, int classCount, Generator generator, bool ownsGenerator)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(input);
        input.Validate();
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "classCount must be at least 2.");
        TorchNative.EnsureLoaded();

        var plans = architecture.Plan(input);
        var stages = new List<(string, nn.Module<Tensor, Tensor>)>();
        var channels = input.Channels;
        for (var s = 0; s < architecture.Stages.Count; s++)
        {
            var stage = architecture.Stages[s];
            var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
            if (plans[s].Downsampling == CnnDownsampling.MaxPool)
                layers.Add(("pool", nn.MaxPool2d(2, stride: 2, ceil_mode: true)));
            for (var b = 0; b < stage.Blocks; b++)
            {
                var stride = b == 0 && plans[s].Downsampling == CnnDownsampling.Stride2 ? 2 : 1;
                layers.Add(($"block{b + 1}", Block(channels, stage, stride)));
                channels = stage.Channels;
            }
            stages.Add(($"stage{s + 1}", nn.Sequential(layers)));
        }

        var headLayers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var width = channels;
        if (architecture.Head.HiddenUnits is { } hidden)
        {
            headLayers.Add(("hidden", nn.Linear(width, hidden)));
            headLayers.Add(("act", Activations.Create(architecture.Stages[^1].Activation)));
            width = hidden;
        }
        if (architecture.Head.Dropout > 0) headLayers.Add(("dropout", new SeededDropout(architecture.Head.Dropout, generator)));
        headLayers.Add(("classifier", nn.Linear(width, classCount)));

        var network = new CnnNetwork(nn.Sequential(stages), nn.Sequential(headLayers), architecture, input, classCount, generator, ownsGenerator);
        Initialise(network, generator);
        return network;
    }

    private static nn.Module<Tensor, Tensor> Block(int inChannels, CnnStage stage, int stride)
    {
        var padding = stage.KernelSize / 2;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        switch (stage.BlockType)
        {
            case CnnBlockType.Residual:
                return new ResidualBlock(inChannels, stage, stride);
            case CnnBlockType.DepthwiseSeparable:
                layers.Add(("depthwise", nn.Conv2d(inChannels, inChannels, stage.KernelSize, stride: stride, padding: padding, groups: inChannels, bias: !stage.BatchNorm)));
                if (stage.BatchNorm) layers.Add(("bn1", nn.BatchNorm2d(inChannels)));
                layers.Add(("act1", Activations.Create(stage.Activation)));
                layers.Add(("pointwise", nn.Conv2d(inChannels, stage.Channels, 1, bias: !stage.BatchNorm)));
                if (stage.BatchNorm) layers.Add(("bn2", nn.BatchNorm2d(stage.Channels)));
                layers.Add(("act2", Activations.Create(stage.Activation)));
                break;
            default:
                layers.Add(("conv", nn.Conv2d(inChannels, stage.Channels, stage.KernelSize, stride: stride, padding: padding, bias: !stage.BatchNorm)));
                if (stage.BatchNorm) layers.Add(("bn", nn.BatchNorm2d(stage.Channels)));
                layers.Add(("act", Activations.Create(stage.Activation)));
                break;
        }
        return nn.Sequential(layers);
    }

    /// <summary>Re-draws every convolution and linear parameter from <paramref name="generator"/>: modules draw their
    /// defaults from torch's global generator, which other code in the process may also be using.</summary>
    private static void Initialise(nn.Module network, Generator generator)
    {
        using var noGrad = no_grad();
        var named = network.named_parameters().ToList();
        var parameters = named.ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in named)
        {
            Tensor? weight = parameter.dim() >= 2 ? parameter
                : name.EndsWith(".bias", StringComparison.Ordinal) && parameters.TryGetValue(name[..^5] + ".weight", out var w) && w.dim() >= 2 ? w
                : null;
            if (weight is null) continue; // batch norm keeps weight 1 and bias 0
            var fanIn = weight.shape.Skip(1).Aggregate(1L, (a, b) => a * b);
            var bound = 1.0 / Math.Sqrt(fanIn);
            // Tensor.uniform_ rather than nn.init.uniform_: in TorchSharp 0.107 the latter ignores its generator.
            parameter.uniform_(-bound, bound, generator);
        }
    }
}
