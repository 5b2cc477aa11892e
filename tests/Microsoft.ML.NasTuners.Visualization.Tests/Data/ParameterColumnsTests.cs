using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Visualization.Tests.Data;

/// <summary>A study's parameters as columns: through the space when the study recorded it (scales, choices,
/// inactive branches), else from the parameters' JSON.</summary>
public class ParameterColumnsTests
{
    private static StudyTrial Trial(int id, string json) => new() { Id = id, Parameter = Parameter.Parse(json), Status = TrialStatus.Succeeded, Loss = id };

    [Fact]
    public void With_the_space_a_column_has_the_dimensions_scale_bounds_and_choices_and_an_inactive_branch_is_missing()
    {
        var space = new SearchSpace
        {
            ["lr"] = new UniformDoubleOption(1e-4, 1, logBase: true),
            ["model"] = new ConditionalChoiceOption(
                ("tree", new SearchSpace { ["leaves"] = new UniformIntOption(4, 64) }),
                ("linear", new SearchSpace { ["l2"] = new UniformDoubleOption(0, 1) })),
        };
        var trials = Enumerable.Range(0, 20).Select(i =>
            new StudyTrial { Id = i, Parameter = space.ModelView.Decode(space.ModelView.Sample(new Random(i))), Status = TrialStatus.Succeeded, Loss = i }).ToArray();
        var study = new StudyData("s", trials, space);

        var columns = ParameterColumns.Of(study, study.Trials);

        columns.Select(c => c.Name).Should().BeEquivalentTo(space.ModelView.Dimensions.Select(d => d.Name));
        var lr = columns.Single(c => c.Name == "lr");
        lr.IsLog.Should().BeTrue();
        (lr.Lower, lr.Upper).Should().Be((1e-4, 1));
        lr.ToUnit(1e-2).Should().BeApproximately(0.5, 1e-12, "1e-2 is halfway between 1e-4 and 1 on a log scale");
        var model = columns.Single(c => c.IsCategorical && c.Labels.Contains("tree"));
        model.Labels.Should().Equal("tree", "linear");
        var leaves = columns.Single(c => c.Name.EndsWith("leaves"));
        for (var r = 0; r < trials.Length; r++)
        {
            var isTree = model.Labels[(int)model.Values[r]] == "tree";
            double.IsNaN(leaves.Values[r]).Should().Be(!isTree, "leaves exists only on the tree branch");
        }
        leaves.HasMissing.Should().BeTrue();
    }

    [Fact]
    public void Without_the_space_nested_keys_are_joined_numbers_are_numeric_and_anything_else_a_sorted_category()
    {
        var study = new StudyData("s", [
            Trial(0, """{"a":1,"opt":{"name":"sgd","momentum":0.9}}"""),
            Trial(1, """{"a":3,"opt":{"name":"adam"}}"""),
            Trial(2, """{"a":2,"opt":{"name":"sgd","momentum":0.5},"flag":true}"""),
        ]);

        var columns = ParameterColumns.Of(study, study.Trials);

        columns.Select(c => c.Name).Should().Equal("a", "flag", "opt.momentum", "opt.name");
        var a = columns[0];
        a.IsCategorical.Should().BeFalse();
        a.Values.Should().Equal(1, 3, 2);
        (a.Lower, a.Upper).Should().Be((1, 3), "without a space the axis spans the values seen");
        var name = columns[3];
        name.Labels.Should().Equal("adam", "sgd");
        name.Values.Should().Equal(1, 0, 1);
        columns[2].Values[1].Should().Be(double.NaN, "trial 1 has no momentum");
        columns[1].Labels.Should().Equal("true");
        columns[1].Format(columns[1].Values[0]).Should().Be("-");
    }
}
