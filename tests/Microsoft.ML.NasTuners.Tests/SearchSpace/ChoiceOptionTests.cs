namespace Microsoft.ML.NasTuners.Tests.SearchSpaces;

public class ChoiceOptionTests
{
    [Fact]
    public void Choice_i_of_n_maps_to_i_over_n_and_back()
    {
        var option = new ChoiceOption("a", "b", "c", "d", "e", "f", "g");
        for (var i = 0; i < 7; i++)
        {
            var value = option.Choices[i];
            option.MappingToFeatureSpace(value).Should().Equal((double)i / 7);
            option.SampleFromFeatureSpace(option.MappingToFeatureSpace(value)).ShouldEqual(value);
        }
    }

    [Fact]
    public void Uniform_features_pick_every_choice_equally_often()
    {
        var option = new ChoiceOption(16, 32, 64);
        var random = new Random(5);
        var counts = Enumerable.Range(0, 30000).Select(_ => option.SampleFromFeatureSpace([random.NextDouble()]).AsDouble())
            .GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        counts.Keys.Should().BeEquivalentTo([16.0, 32.0, 64.0]);
        counts.Values.Should().OnlyContain(c => Math.Abs(c - 10000) < 400);
    }

    [Fact]
    public void Choices_keep_their_types()
    {
        new ChoiceOption(1, 2).Choices[0].Type.Should().Be(ParameterType.Integer);
        new ChoiceOption(true, false).Choices[1].AsBool().Should().BeFalse();
        new ChoiceOption(0.5, 1.5).Choices[0].AsDouble().Should().Be(0.5);
        new ChoiceOption(DayOfWeek.Monday, DayOfWeek.Friday).Choices[1].AsString().Should().Be("Friday");
    }

    [Fact]
    public void The_default_is_the_given_choice_or_else_the_first()
    {
        var option = new ChoiceOption(["relu", "gelu", "silu"], "silu");
        option.SampleFromFeatureSpace(option.Default).AsString().Should().Be("silu");
        new ChoiceOption("x", "y").Default.Should().Equal(0.0);
    }

    [Fact]
    public void An_unknown_value_is_rejected_with_the_list_of_choices()
    {
        new ChoiceOption("a", "b").Invoking(o => o.MappingToFeatureSpace(Parameter.FromString("z")))
            .Should().Throw<ArgumentException>().WithMessage("*\"z\"*\"a\", \"b\"*");
    }
}
