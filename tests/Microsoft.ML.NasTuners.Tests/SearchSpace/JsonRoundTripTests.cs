using System.Text.Json;

namespace Microsoft.ML.NasTuners.Tests.SearchSpaces;

public class JsonRoundTripTests
{
    [Fact]
    public void A_space_with_nested_and_conditional_options_round_trips_through_json()
    {
        var space = TestSpaces.Rich();
        var json = space.ToJson();
        var back = NasTuners.SearchSpace.FromJson(json);

        back.ToJson().Should().Be(json);
        back.FeatureSpaceDim.Should().Be(space.FeatureSpaceDim);
        back.Default.Should().Equal(space.Default);
        var random = new Random(4);
        for (var i = 0; i < 100; i++)
        {
            var feature = TestSpaces.RandomFeature(space, random);
            back.SampleFromFeatureSpace(feature).ShouldEqual(space.SampleFromFeatureSpace(feature));
        }
        back.ModelView.Dimensions.Select(d => (d.Name, d.Kind, d.IsLog, d.Lower, d.Upper, d.ChoiceCount, d.Condition?.ParentIndex))
            .Should().Equal(space.ModelView.Dimensions.Select(d => (d.Name, d.Kind, d.IsLog, d.Lower, d.Upper, d.ChoiceCount, d.Condition?.ParentIndex)));
    }

    [Fact]
    public void The_json_is_readable_and_tagged_by_type()
    {
        var json = new NasTuners.SearchSpace { ["n"] = new UniformIntOption(1, 5, logBase: true, defaultValue: 2) }.ToJson();
        json.Should().Be("""{"n":{"type":"int","min":1,"max":5,"log":true,"default":2}}""");
    }

    [Fact]
    public void A_space_works_with_JsonSerializer_directly()
    {
        var space = TestSpaces.Mixed3();
        var back = JsonSerializer.Deserialize<NasTuners.SearchSpace>(JsonSerializer.Serialize(space))!;
        back.ModelView.Count.Should().Be(9);
    }

    [Theory]
    [InlineData("""{"x":{"type":"int","min":5,"max":1}}""", "$.x*min*")]
    [InlineData("""{"x":{"type":"double","min":0,"max":1,"log":true}}""", "$.x*min > 0*")]
    [InlineData("""{"x":{"type":"choice","choices":[]}}""", "$.x*at least one*")]
    [InlineData("""{"x":{"type":"banana"}}""", "*unknown option type 'banana'*")]
    [InlineData("""{"x":{"min":1}}""", "*missing 'type'*")]
    public void Invalid_json_spaces_are_rejected_with_the_path(string json, string message)
    {
        FluentActions.Invoking(() => NasTuners.SearchSpace.FromJson(json)).Should().Throw<JsonException>().WithMessage(message);
    }

    [Fact]
    public void Parameters_round_trip_through_json_with_their_values_and_structure()
    {
        var space = TestSpaces.Rich();
        var random = new Random(8);
        for (var i = 0; i < 100; i++)
        {
            var parameter = space.SampleFromFeatureSpace(TestSpaces.RandomFeature(space, random));
            var json = JsonSerializer.Serialize(parameter);
            var back = JsonSerializer.Deserialize<Parameter>(json)!;
            back.ShouldEqual(parameter);
            JsonSerializer.Serialize(back).Should().Be(json);
            space.MappingToFeatureSpace(back).Should().Equal(space.MappingToFeatureSpace(parameter));
        }
    }

    [Fact]
    public void Integers_stay_integers_and_doubles_keep_every_digit()
    {
        var parameter = Parameter.CreateNestedParameter(
            KeyValuePair.Create("n", Parameter.FromInt(7)),
            KeyValuePair.Create("x", Parameter.FromDouble(0.1 + 0.2)),
            KeyValuePair.Create("s", Parameter.FromString("a\"b")),
            KeyValuePair.Create("b", Parameter.FromBool(true)));
        var json = parameter.ToString();
        json.Should().Be("""{"b":true,"n":7,"s":"a\u0022b","x":0.30000000000000004}""");
        var back = Parameter.Parse(json);
        back["n"].Type.Should().Be(ParameterType.Integer);
        back["x"].AsDouble().Should().Be(0.1 + 0.2);
    }
}
