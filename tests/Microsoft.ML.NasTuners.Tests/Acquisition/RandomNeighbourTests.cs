using Microsoft.ML.NasTuners.Acquisition;

namespace Microsoft.ML.NasTuners.Tests.Acquisition;

public class RandomNeighbourTests
{
    private static SearchSpace Space() => new()
    {
        ["op"] = new ChoiceOption("a", "b", "c", "d"),
        ["x"] = new UniformDoubleOption(0, 1),
        ["fixed"] = new UniformIntOption(3, 3),
        ["model"] = new ConditionalChoiceOption(
            ("tree", new SearchSpace { ["leaves"] = new UniformIntOption(4, 64) }),
            ("linear", new SearchSpace { ["l2"] = new UniformDoubleOption(1e-6, 1, logBase: true) })),
    };

    [Fact]
    public void Changes_exactly_one_active_dimension_and_keeps_branches_consistent()
    {
        var view = Space().ModelView;
        var neighbourhood = new OneExchangeNeighbourhood(view);
        var random = new Random(1);
        var changed = new Dictionary<string, int>();
        for (var k = 0; k < 2000; k++)
        {
            var point = view.Sample(random);
            var neighbour = neighbourhood.RandomNeighbour(point, random)!;
            var differing = Enumerable.Range(0, view.Count).Where(i => !point[i].Equals(neighbour[i])).ToList();
            var selector = view["model"].Index;
            if (differing.Contains(selector))
            {
                // A branch switch deactivates the old branch's dimension and draws the new one's.
                differing.Should().HaveCount(3);
                Enumerable.Range(0, view.Count).Where(i => !view.IsActive(i, neighbour)).Should().OnlyContain(i => double.IsNaN(neighbour[i]));
            }
            else
            {
                differing.Should().HaveCount(1);
            }
            var name = view.Dimensions[differing[0] == selector ? selector : differing.Min()].Name;
            changed[name] = changed.GetValueOrDefault(name) + 1;
        }
        changed.Keys.Should().NotContain("fixed", "a dimension with one value cannot change");
        // Four changeable active dimensions (op, x, model, and the active branch's one), each chosen about 1/4 of the time.
        changed["op"].Should().BeInRange(400, 600);
        changed["model"].Should().BeInRange(400, 600);
    }

    [Fact]
    public void A_categorical_moves_to_each_other_value_uniformly_and_nothing_changeable_gives_null()
    {
        var view = new SearchSpace { ["op"] = new ChoiceOption("a", "b", "c", "d") }.ModelView;
        var neighbourhood = new OneExchangeNeighbourhood(view);
        var random = new Random(3);
        var counts = new int[4];
        for (var k = 0; k < 3000; k++) counts[(int)neighbourhood.RandomNeighbour([2.0], random)![0]]++;
        counts[2].Should().Be(0);
        counts.Where((_, i) => i != 2).Should().OnlyContain(c => c > 900 && c < 1100);
        new OneExchangeNeighbourhood(new SearchSpace { ["n"] = new UniformIntOption(5, 5) }.ModelView).RandomNeighbour([5.0], random).Should().BeNull();
    }
}
