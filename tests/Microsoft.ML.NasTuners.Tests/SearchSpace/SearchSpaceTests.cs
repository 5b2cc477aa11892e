namespace Microsoft.ML.NasTuners.Tests.SearchSpaces;

public class SearchSpaceTests
{
    [Fact]
    public void Keys_are_in_ordinal_order_and_each_option_owns_a_slice_of_the_feature_space()
    {
        var space = new NasTuners.SearchSpace
        {
            ["b"] = new UniformDoubleOption(0, 1),
            ["a"] = new UniformIntOption(0, 9),
            ["c"] = new ChoiceOption("x", "y"),
        };
        space.Keys.Should().Equal("a", "b", "c");
        space.FeatureSpaceDim.Should().Be(3);
        var parameter = space.SampleFromFeatureSpace([0.0, 0.25, 0.9]);
        parameter["a"].AsDouble().Should().Be(0);
        parameter["b"].AsDouble().Should().Be(0.25);
        parameter["c"].AsString().Should().Be("y");
    }

    [Fact]
    public void Sampled_parameters_map_back_to_themselves_in_a_rich_space()
    {
        var space = TestSpaces.Rich();
        var random = new Random(11);
        for (var i = 0; i < 500; i++)
        {
            var parameter = space.SampleFromFeatureSpace(TestSpaces.RandomFeature(space, random));
            var again = space.SampleFromFeatureSpace(space.MappingToFeatureSpace(parameter));
            again.ShouldEqual(parameter, $"(trial {i})");
        }
    }

    [Fact]
    public void A_conditional_choice_writes_only_the_chosen_branch_beside_its_selector()
    {
        var space = TestSpaces.Mixed3();
        space.FeatureSpaceDim.Should().Be(1 + 2 + 3 + 3);
        var random = new Random(2);
        var seen = new HashSet<string>();
        for (var i = 0; i < 300; i++)
        {
            var parameter = space.SampleFromFeatureSpace(TestSpaces.RandomFeature(space, random));
            var branch = parameter["branch"].AsString();
            seen.Add(branch);
            parameter.Keys.Where(k => k != "branch").Should().OnlyContain(k => k.StartsWith(branch + "_"));
            parameter.Keys.Should().HaveCount(branch == "A" ? 3 : 4);
        }
        seen.Should().BeEquivalentTo(["A", "B", "C"]);
    }

    [Fact]
    public void Mapping_a_conditional_parameter_fills_inactive_branches_with_their_defaults()
    {
        var space = TestSpaces.Mixed3();
        var parameter = Parameter.Parse("""{"branch":"C","C_units":256,"C_dropout":0.25,"C_lr":0.001}""");
        var feature = space.MappingToFeatureSpace(parameter);
        feature[0].Should().Be(2.0 / 3);
        feature[1..6].Should().Equal(space.Default[1..6]);
        space.SampleFromFeatureSpace(feature)["C_units"].AsDouble().Should().Be(256);
    }

    [Fact]
    public void Mapping_names_the_key_that_is_missing_or_wrong()
    {
        var space = TestSpaces.Mixed3();
        space.Invoking(s => s.MappingToFeatureSpace(Parameter.Parse("""{"branch":"C","C_units":256,"C_lr":0.001}""")))
            .Should().Throw<ArgumentException>().WithMessage("*'branch'*C_dropout*");
        space.Invoking(s => s.MappingToFeatureSpace(Parameter.Parse("""{"branch":"D"}""")))
            .Should().Throw<ArgumentException>().WithMessage("*'D' is not a branch*A, B, C*");
        space.Invoking(s => s.MappingToFeatureSpace(Parameter.Parse("""{"branch":"A","A_C":1e9,"A_gamma":1}""")))
            .Should().Throw<ArgumentException>().WithMessage("*[0.01, 10000]*");
    }

    [Fact]
    public void Nested_spaces_produce_nested_objects()
    {
        var space = TestSpaces.Rich();
        var parameter = space.SampleDefault();
        parameter["optimizer"].Type.Should().Be(ParameterType.Object);
        parameter["optimizer"]["momentum"].AsDouble().Should().Be(0.5);
        parameter["lr"].AsDouble().Should().BeApproximately(1e-3, 1e-15);
        parameter["layers"].AsDouble().Should().Be(3);
        parameter["activation"].AsString().Should().Be("gelu");
        parameter["model"].AsString().Should().Be("tree");
        parameter["shrink"]["rate"].AsDouble().Should().Be(0.01);
    }

    [Fact]
    public void An_empty_space_has_no_dimensions_and_samples_an_empty_object()
    {
        var space = new NasTuners.SearchSpace();
        space.FeatureSpaceDim.Should().Be(0);
        space.SampleFromFeatureSpace([]).Count.Should().Be(0);
        space.ModelView.Count.Should().Be(0);
    }
}
