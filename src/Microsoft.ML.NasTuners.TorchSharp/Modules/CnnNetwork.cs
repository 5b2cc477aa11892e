using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>
/// A CNN image classifier built from a <see cref="CnnArchitecture"/> by <see cref="CnnModelBuilder"/>. Its forward
/// pass takes a float batch <c>[N, C, H, W]</c> (or flat <c>[N, C*H*W]</c>, channel-major) and returns class logits
/// <c>[N, classes]</c>. Dropout draws its masks from the network's own generator, never from torch's global one.
/// </summary>
public sealed class CnnNetwork : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> head;
    private readonly Generator _generator;
    private readonly bool _ownsGenerator;

    internal CnnNetwork(nn.Module<Tensor, Tensor> features, nn.Module<Tensor, Tensor> head, CnnArchitecture architecture,
        CnnInputShape input, int classCount, Generator generator, bool ownsGenerator)
        : base(nameof(CnnNetwork))
    {
        this.features = features;
        this.head = head;
        Architecture = architecture;
        Input = input;
        ClassCount = classCount;
        _generator = generator;
        _ownsGenerator = ownsGenerator;
        RegisterComponents();
    }

    /// <summary>The architecture this network was built from.</summary>
    public CnnArchitecture Architecture { get; }

    /// <summary>The input shape the network was built for.</summary>
    public CnnInputShape Input { get; }

    /// <summary>The number of classes (the width of the output).</summary>
    public int ClassCount { get; }

    /// <summary>The generator behind weight initialisation and dropout.</summary>
    internal Generator Generator => _generator;

    /// <summary>The number of trainable values.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input.dim() == 2 ? input.reshape(input.shape[0], Input.Channels, Input.Height, Input.Width) : input;
        var pooled = features.forward(x).mean([2L, 3L]);
        return head.forward(pooled).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsGenerator) _generator.Dispose();
    }
}
