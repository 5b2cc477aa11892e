using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.NasTuners.TorchSharp.Modules;

/// <summary>Inverted dropout whose masks come from a given generator instead of torch's global one, so that training
/// is reproducible (and resumable) whatever else runs in the process.</summary>
internal sealed class SeededDropout : nn.Module<Tensor, Tensor>
{
    private readonly double _probability;
    private readonly Generator _generator;

    public SeededDropout(double probability, Generator generator)
        : base(nameof(SeededDropout))
    {
        _probability = probability;
        _generator = generator;
    }

    public override Tensor forward(Tensor input)
    {
        if (!training || _probability == 0) return input.alias();
        using var noise = rand(input.shape, dtype: input.dtype, device: input.device, generator: _generator);
        using var keep = noise.ge(_probability);
        return input.mul(keep).div_(1 - _probability);
    }
}
