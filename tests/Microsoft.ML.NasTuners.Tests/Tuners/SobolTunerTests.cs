using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Tuners;

public class SobolTunerTests : ResultFreeTunerContract
{
    protected override ITuner Create(SearchSpace space, int seed) => new SobolTuner(space, seed);

    protected override ITuner CreateWithDefaultSeed(SearchSpace space) => new SobolTuner(space);

    [Fact]
    public void The_first_64_proposals_take_each_of_8_integer_values_exactly_8_times()
    {
        // The balance that sets Sobol apart from random search: the first 2^k points fill every interval of width 2^-k
        // of each feature coordinate, and the 8 integers own 8 such intervals.
        var counts = Propose(new SobolTuner(MixedSpace(), seed: 5), 64).GroupBy(p => p["layers"].AsDouble()).ToDictionary(g => g.Key, g => g.Count());
        counts.Keys.Should().BeEquivalentTo(new double[] { 1, 2, 3, 4, 5, 6, 7, 8 });
        counts.Values.Should().OnlyContain(c => c == 8);
    }

    [Fact]
    public void A_space_with_more_dimensions_than_the_table_is_rejected()
    {
        var space = new SearchSpace(Enumerable.Range(0, SobolSequence.MaxDimension + 1)
            .Select(i => new KeyValuePair<string, OptionBase>($"x{i:D4}", new UniformDoubleOption(0, 1))));
        var act = () => new SobolTuner(space);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "searchSpace" && e.Message.Contains("1016"));
    }
}
