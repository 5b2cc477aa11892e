namespace Microsoft.ML.NasTuners.Tests.SearchSpaces;

public class ModelViewTests
{
    [Fact]
    public void The_model_view_of_mixed3_has_a_categorical_selector_and_conditional_typed_dimensions()
    {
        var view = TestSpaces.Mixed3().ModelView;

        view.Count.Should().Be(9);
        view.HasConditions.Should().BeTrue();
        var selector = view["branch"];
        selector.Index.Should().Be(0);
        selector.Kind.Should().Be(DimensionKind.Categorical);
        selector.IsBranchSelector.Should().BeTrue();
        selector.Choices.Select(c => c.AsString()).Should().Equal("A", "B", "C");
        selector.IsConditional.Should().BeFalse();

        var expected = new (string Key, DimensionKind Kind, bool Log, double Lower, double Upper, int Branch)[]
        {
            ("A_C", DimensionKind.Continuous, true, 1e-2, 1e4, 0),
            ("A_gamma", DimensionKind.Continuous, true, 1e-5, 1e1, 0),
            ("B_depth", DimensionKind.Integer, false, 1, 12, 1),
            ("B_lr", DimensionKind.Continuous, true, 1e-3, 1, 1),
            ("B_n", DimensionKind.Integer, true, 10, 1000, 1),
            ("C_dropout", DimensionKind.Continuous, false, 0, 0.8, 2),
            ("C_lr", DimensionKind.Continuous, true, 1e-5, 1e-1, 2),
            ("C_units", DimensionKind.Integer, true, 16, 1024, 2),
        };
        view.Dimensions.Skip(1).Select(d => (d.Key, d.Kind, d.IsLog, d.Lower, d.Upper, d.Condition!.ActiveValues.Single()))
            .Should().Equal(expected);
        view.Dimensions.Skip(1).Should().OnlyContain(d => d.Condition!.ParentIndex == 0);
    }

    [Fact]
    public void Encoding_marks_inactive_dimensions_as_NaN_and_categoricals_by_index()
    {
        var view = TestSpaces.Mixed3().ModelView;
        var values = view.Encode(Parameter.Parse("""{"branch":"B","B_n":100,"B_depth":6,"B_lr":0.1}"""));
        values[0].Should().Be(1);
        values.Where(double.IsNaN).Should().HaveCount(5);
        values[view["branch:B.B_n"].Index].Should().Be(100);
        view.IsActive(view["branch:A.A_C"].Index, values).Should().BeFalse();
        view.IsActive(view["branch:B.B_lr"].Index, values).Should().BeTrue();
    }

    [Fact]
    public void Decoding_snaps_values_and_ignores_inactive_dimensions()
    {
        var view = TestSpaces.Mixed3().ModelView;
        var values = new double[view.Count];
        Array.Fill(values, 123.4);
        values[0] = 2.2;
        values[view["branch:C.C_units"].Index] = 99.6;
        values[view["branch:C.C_dropout"].Index] = 3;
        values[view["branch:C.C_lr"].Index] = 1e-3;
        var parameter = view.Decode(values);
        parameter.ToString().Should().Be("""{"C_dropout":0.8,"C_lr":0.001,"C_units":100,"branch":"C"}""");
        TestSpaces.Mixed3().Invoking(s => s.MappingToFeatureSpace(parameter)).Should().NotThrow();
    }

    [Fact]
    public void Encode_and_decode_invert_each_other_on_a_rich_space_with_nesting_and_branches()
    {
        var space = TestSpaces.Rich();
        var view = space.ModelView;
        var random = new Random(9);
        for (var i = 0; i < 300; i++)
        {
            var parameter = space.SampleFromFeatureSpace(TestSpaces.RandomFeature(space, random));
            view.Decode(view.Encode(parameter)).ShouldEqual(parameter);
        }
    }

    [Fact]
    public void Nested_dimensions_are_named_by_their_path()
    {
        var view = TestSpaces.Rich().ModelView;
        view.Dimensions.Select(d => d.Name).Should().Contain(["optimizer.momentum", "model:tree.shrink.rate", "model:linear.l2"]);
        view["model:tree.shrink.rate"].Condition!.ActiveValues.Should().Equal(0);
        view["batch"].Kind.Should().Be(DimensionKind.Categorical);
    }

    [Fact]
    public void Random_points_of_the_view_are_valid_and_cover_every_branch()
    {
        var space = TestSpaces.Mixed3();
        var view = space.ModelView;
        var random = new Random(1);
        var branches = new HashSet<double>();
        for (var i = 0; i < 200; i++)
        {
            var values = view.Sample(random);
            branches.Add(values[0]);
            space.Invoking(s => s.MappingToFeatureSpace(view.Decode(values))).Should().NotThrow();
        }
        branches.Should().BeEquivalentTo([0.0, 1.0, 2.0]);
    }

    [Fact]
    public void Unit_scaling_is_linear_in_warped_space_and_gives_integers_their_cells()
    {
        var view = TestSpaces.Mixed3().ModelView;
        var lr = view["branch:C.C_lr"];
        lr.ToUnit(1e-3).Should().BeApproximately(0.5, 1e-12);
        lr.FromUnit(0.5).Should().BeApproximately(1e-3, 1e-15);
        var depth = view["branch:B.B_depth"];
        Enumerable.Range(1, 12).Should().OnlyContain(k => depth.FromUnit(depth.ToUnit(k)) == k);
        depth.FromUnit(0).Should().Be(1);
        depth.FromUnit(1).Should().Be(12);
    }
}
