using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.TorchSharp.Tests;

/// <summary>The architecture tuners search the conditional CNN space through its encoding (no native torch needed:
/// the loss is computed from the architecture string).</summary>
public class ArchitectureTunersOnCnnSpaceTests
{
    public static TheoryData<string> Tuners => ["ssk-gp", "wl-gp", "smac-wl", "gp-wl", "tpe-wl"];

    [Theory]
    [MemberData(nameof(Tuners))]
    public void Tuners_propose_distinct_valid_networks_of_the_cnn_space(string name)
    {
        var space = CnnSearchSpace.Create(new CnnSearchSpaceOptions { MaxStages = 3 });
        var encoding = CnnSearchSpace.Encoding;
        var options = new ArchitectureSmboOptions { InitialTrials = 4, RandomCandidates = 50 };
        ArchitectureSmboTuner tuner = name switch
        {
            "ssk-gp" => new StringKernelGpTuner(space, encoding, options, seed: 1),
            "wl-gp" => new GraphKernelGpTuner(space, encoding, options, seed: 1),
            "gp-wl" => new EmbeddingGpTuner(space, encoding, options: options, seed: 1),
            "tpe-wl" => new EmbeddingTpeTuner(space, encoding, options: options, seed: 1),
            _ => new EmbeddingForestTuner(space, encoding, options: options, seed: 1),
        };
        var keys = new List<string>();
        for (var id = 0; id < 12; id++)
        {
            var settings = new TrialSettings { TrialId = id };
            settings.Parameter = tuner.Propose(settings);
            keys.Add(encoding.CanonicalKey(settings.Parameter));
            // A made-up loss: deeper networks with residual blocks do better.
            var tokens = encoding.ToTokens(settings.Parameter);
            var loss = 10.0 - tokens.Count(t => t.StartsWith("res", StringComparison.Ordinal)) - 0.1 * tokens.Count;
            tuner.Update(new TrialResult { TrialSettings = settings, Loss = loss });
        }

        keys.Should().OnlyHaveUniqueItems();
        tuner.ObservationCount.Should().Be(12);
    }
}
