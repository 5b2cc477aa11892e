using Microsoft.ML.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.NasTuners.TorchSharp.MLNet;

/// <summary>Runs the network on one image at a time: class probabilities and the 1-based key of the best class.</summary>
internal sealed class CnnScorer
{
    private readonly CnnNetwork _network;
    private readonly object _gate = new();

    public CnnScorer(CnnNetwork network) => _network = network;

    public int ClassCount => _network.ClassCount;

    public int FeatureLength => _network.Input.FeatureLength;

    public void Score(in VBuffer<float> features, float[] probabilities)
    {
        if (features.Length != FeatureLength)
            throw new InvalidOperationException($"A feature vector has {features.Length} values; the network expects {FeatureLength}.");
        var dense = new float[FeatureLength];
        features.CopyTo(dense);
        // One forward at a time: cursors on several threads share the module.
        lock (_gate)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var input = tensor(dense, [1, FeatureLength]);
            var output = nn.functional.softmax(_network.forward(input), 1);
            output.data<float>().CopyTo(probabilities, 0);
        }
    }

    public static uint ArgMaxKey(float[] probabilities)
    {
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best]) best = i;
        }
        return (uint)best + 1;
    }
}
