using Microsoft.ML.NasTuners.Pruning;
using static Microsoft.ML.NasTuners.Tests.Pruning.Curves;

namespace Microsoft.ML.NasTuners.Tests.Pruning;

public class HyperbandPrunerTests
{
    [Fact]
    public void Max_over_min_of_eta_squared_gives_three_brackets_weighted_as_hyperband_starts_them()
    {
        var pruner = new HyperbandPruner(minResource: 1, maxResource: 9, reductionFactor: 3, seed: 1);

        pruner.BracketCount.Should().Be(3);
        // Hyperband with 3 brackets starts 9, 5 (⌈3/2·3⌉) and 3 configurations: weights 9/17, 5/17, 3/17.
        var counts = Enumerable.Range(0, 17_000).GroupBy(pruner.BracketOf).ToDictionary(g => g.Key, g => g.Count());
        counts[0].Should().BeInRange(8_600, 9_400);
        counts[1].Should().BeInRange(4_600, 5_400);
        counts[2].Should().BeInRange(2_700, 3_300);
    }

    [Fact]
    public void A_trials_bracket_depends_only_on_its_id_and_the_seed()
    {
        var a = new HyperbandPruner(1, 27, seed: 4);
        var b = new HyperbandPruner(1, 27, seed: 4);
        var other = new HyperbandPruner(1, 27, seed: 5);

        Enumerable.Range(0, 50).Select(a.BracketOf).Should().Equal(Enumerable.Range(0, 50).Select(b.BracketOf));
        Enumerable.Range(0, 50).Select(a.BracketOf).Should().NotEqual(Enumerable.Range(0, 50).Select(other.BracketOf));
    }

    [Fact]
    public void A_trial_competes_only_with_trials_of_its_bracket()
    {
        var pruner = new HyperbandPruner(1, 9, seed: 2);
        var first = Enumerable.Range(0, 200).First(id => pruner.BracketOf(id) == 0);
        var sameBracket = Enumerable.Range(0, 200).Where(id => id != first && pruner.BracketOf(id) == 0).Take(5).ToArray();
        var otherBracket = Enumerable.Range(0, 200).Where(id => pruner.BracketOf(id) != 0).Take(5).ToArray();

        // Better trials in another bracket do not prune it; the same ones in its bracket do.
        pruner.ShouldPrune(Running(first, 5), otherBracket.Select(id => Running(id, 1)).ToArray()).Should().BeFalse();
        pruner.ShouldPrune(Running(first, 5), sameBracket.Select(id => Running(id, 1)).ToArray()).Should().BeTrue();
    }
}
