using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.NasTuners.TorchSharp.Modules;

/// <summary>Two k x k convolutions plus a shortcut (identity, or a 1x1 projection when the width or stride changes),
/// added before the last activation.</summary>
internal sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> main;
    private readonly nn.Module<Tensor, Tensor> shortcut;
    private readonly nn.Module<Tensor, Tensor> activation;

    public ResidualBlock(int inChannels, CnnStage stage, int stride)
        : base(nameof(ResidualBlock))
    {
        var padding = stage.KernelSize / 2;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("conv1", nn.Conv2d(inChannels, stage.Channels, stage.KernelSize, stride: stride, padding: padding, bias: !stage.BatchNorm)),
        };
        if (stage.BatchNorm) layers.Add(("bn1", nn.BatchNorm2d(stage.Channels)));
        layers.Add(("act1", Activations.Create(stage.Activation)));
        layers.Add(("conv2", nn.Conv2d(stage.Channels, stage.Channels, stage.KernelSize, padding: padding, bias: !stage.BatchNorm)));
        if (stage.BatchNorm) layers.Add(("bn2", nn.BatchNorm2d(stage.Channels)));
        main = nn.Sequential(layers);

        if (stride != 1 || inChannels != stage.Channels)
        {
            var projection = new List<(string, nn.Module<Tensor, Tensor>)>
            {
                ("conv", nn.Conv2d(inChannels, stage.Channels, 1, stride: stride, bias: !stage.BatchNorm)),
            };
            if (stage.BatchNorm) projection.Add(("bn", nn.BatchNorm2d(stage.Channels)));
            shortcut = nn.Sequential(projection);
        }
        else
        {
            shortcut = nn.Identity();
        }
        activation = Activations.Create(stage.Activation);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var sum = main.forward(input).add(shortcut.forward(input));
        return activation.forward(sum).MoveToOuterDisposeScope();
    }
}
