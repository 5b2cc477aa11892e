using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.NasTuners.TorchSharp.Modules;

internal static class Activations
{
    public static nn.Module<Tensor, Tensor> Create(CnnActivation activation) => activation switch
    {
        CnnActivation.GELU => nn.GELU(),
        CnnActivation.SiLU => nn.SiLU(),
        _ => nn.ReLU(),
    };
}
