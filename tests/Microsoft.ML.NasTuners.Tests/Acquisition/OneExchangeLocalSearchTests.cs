using Microsoft.ML.NasTuners.Acquisition;
using Microsoft.ML.NasTuners.Tests.SearchSpaces;

namespace Microsoft.ML.NasTuners.Tests.Acquisition;

public class OneExchangeLocalSearchTests
{
    private static int[] Differences(double[] a, double[] b) =>
        Enumerable.Range(0, a.Length).Where(i => !a[i].Equals(b[i])).ToArray();

    private static NasTuners.SearchSpace Numbers() => new()
    {
        ["lr"] = new UniformDoubleOption(1e-5, 1, logBase: true),
        ["layers"] = new UniformIntOption(1, 4),
        ["units"] = new UniformIntOption(8, 1024, logBase: true),
        ["dropout"] = new UniformDoubleOption(0, 0.5),
        ["act"] = new ChoiceOption("relu", "gelu", "tanh"),
    };

    [Fact]
    public void Each_neighbour_differs_from_the_point_in_exactly_one_valid_value()
    {
        var view = Numbers().ModelView;
        var neighbourhood = new OneExchangeNeighbourhood(view);
        var random = new Random(1);
        for (var n = 0; n < 50; n++)
        {
            var point = view.Sample(random);
            var neighbours = new List<double[]>();
            neighbourhood.AddNeighbours(point, random, neighbours);
            neighbours.Count.Should().BeGreaterThan(view.Count);
            neighbours.Count(x => !x[view["act"].Index].Equals(point[view["act"].Index])).Should().Be(2);
            foreach (var neighbour in neighbours)
            {
                var changed = Differences(point, neighbour).Should().ContainSingle().Subject;
                var d = view.Dimensions[changed];
                d.Snap(neighbour[changed]).Should().Be(neighbour[changed]);
                neighbour[changed].Should().BeInRange(d.Lower, d.Upper);
            }
        }
    }

    [Fact]
    public void A_branch_switch_deactivates_the_old_branch_and_draws_the_new_one()
    {
        var view = TestSpaces.Mixed3().ModelView;
        var neighbourhood = new OneExchangeNeighbourhood(view);
        var random = new Random(2);
        var switches = 0;
        for (var n = 0; n < 60; n++)
        {
            var point = view.Sample(random);
            var neighbours = new List<double[]>();
            neighbourhood.AddNeighbours(point, random, neighbours);
            foreach (var neighbour in neighbours)
            {
                var changed = Differences(point, neighbour);
                if (neighbour[0] == point[0])
                {
                    changed.Should().ContainSingle();
                    continue;
                }
                switches++;
                var branch = (int)neighbour[0];
                for (var i = 1; i < view.Count; i++)
                {
                    var d = view.Dimensions[i];
                    var active = d.Condition!.ActiveValues.Contains(branch);
                    view.IsActive(i, neighbour).Should().Be(active);
                    if (active) neighbour[i].Should().BeInRange(d.Lower, d.Upper).And.Be(d.Snap(neighbour[i]));
                    else double.IsNaN(neighbour[i]).Should().BeTrue(d.Name);
                }
                view.Invoking(v => v.Decode(neighbour)).Should().NotThrow();
            }
        }
        switches.Should().Be(2 * 60);
    }

    [Fact]
    public void Nested_branches_are_repaired_through_every_level()
    {
        var view = TestSpaces.Rich().ModelView;
        var neighbourhood = new OneExchangeNeighbourhood(view);
        var random = new Random(3);
        for (var n = 0; n < 100; n++)
        {
            var point = view.Sample(random);
            var neighbours = new List<double[]>();
            neighbourhood.AddNeighbours(point, random, neighbours);
            foreach (var neighbour in neighbours)
            {
                for (var i = 0; i < view.Count; i++)
                    double.IsNaN(neighbour[i]).Should().Be(!view.IsActive(i, neighbour), view.Dimensions[i].Name);
                Differences(point, neighbour).Should().NotBeEmpty();
            }
        }
    }

    [Fact]
    public void An_integer_with_two_values_always_moves_to_the_other()
    {
        var view = new NasTuners.SearchSpace { ["k"] = new UniformIntOption(3, 4) }.ModelView;
        var neighbourhood = new OneExchangeNeighbourhood(view, numericNeighbours: 10);
        var neighbours = new List<double[]>();
        neighbourhood.AddNeighbours([3], new Random(4), neighbours);
        neighbours.Should().HaveCount(10).And.OnlyContain(x => x[0] == 4);
    }

    [Fact]
    public void Local_search_climbs_to_the_maximum_of_a_smooth_acquisition()
    {
        var view = Numbers().ModelView;
        // Best at lr = 1e-3, 3 layers, 256 units, dropout 0.1, "gelu".
        double Score(double[] x)
        {
            double s = 0;
            foreach (var (name, goal) in new[] { ("lr", 1e-3), ("layers", 3.0), ("units", 256.0), ("dropout", 0.1) })
            {
                var d = view[name];
                var e = d.ToUnit(x[d.Index]) - d.ToUnit(goal);
                s -= e * e;
            }
            return s - (x[view["act"].Index] == 1 ? 0 : 1);
        }
        var search = new OneExchangeLocalSearch(new OneExchangeNeighbourhood(view), maxSteps: 200);
        var random = new Random(5);
        var starts = Enumerable.Range(0, 5).Select(_ => view.Sample(random)).ToArray();
        var results = search.Maximize(starts, (points, scores) =>
        {
            for (var i = 0; i < points.Count; i++) scores[i] = Score(points[i]);
        }, random);

        results.Should().HaveCount(5);
        for (var i = 0; i < results.Count; i++)
        {
            results[i].Score.Should().Be(Score(results[i].Point)).And.BeGreaterThanOrEqualTo(Score(starts[i]));
            results[i].Score.Should().BeGreaterThan(-0.01);
        }
    }
}
