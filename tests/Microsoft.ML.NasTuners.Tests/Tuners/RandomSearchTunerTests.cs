using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Tuners;

public class RandomSearchTunerTests : ResultFreeTunerContract
{
    protected override ITuner Create(SearchSpace space, int seed) => new RandomSearchTuner(space, seed);

    protected override ITuner CreateWithDefaultSeed(SearchSpace space) => new RandomSearchTuner(space);
}
