using Microsoft.ML.NasTuners.Benchmarks.Pruning;
using Microsoft.ML.NasTuners.Pruning;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests.Pruning;

public class BenchmarkPrunersTests
{
    [Fact]
    public void Each_name_builds_its_pruner_with_the_epochs_of_the_problem()
    {
        BenchmarkPruners.Create("none", 1, 81).Should().BeNull();
        BenchmarkPruners.Create("median", 1, 81).Should().BeOfType<MedianPruner>();
        BenchmarkPruners.Create("percentile", 1, 81).Should().BeOfType<PercentilePruner>();
        ((SuccessiveHalvingPruner)BenchmarkPruners.Create("asha", 3, 81)!).RungStep(0).Should().Be(3);
        ((HyperbandPruner)BenchmarkPruners.Create("hyperband", 1, 81)!).BracketCount.Should().Be(5, "81 = 3^4 gives brackets at 1, 3, 9, 27, 81");
        BenchmarkPruners.Names.Should().Equal("none", "median", "percentile", "asha", "hyperband");
    }

    [Fact]
    public void The_percentile_pruner_keeps_only_the_best_quarter()
    {
        var pruner = BenchmarkPruners.Create("percentile", 1, 81)!;
        var others = Enumerable.Range(0, 8).Select(i => new TrialCurve(i, TrialStatus.Succeeded, [new IntermediateValue(1, i)])).ToArray();

        // The 25th percentile of 0..7 is 1.75: 1.5 goes on, 2 (inside the median) is stopped.
        pruner.ShouldPrune(new TrialCurve(9, TrialStatus.Running, [new IntermediateValue(1, 1.5)]), others).Should().BeFalse();
        pruner.ShouldPrune(new TrialCurve(9, TrialStatus.Running, [new IntermediateValue(1, 2)]), others).Should().BeTrue();
    }
}
