using System.Text.Json;

namespace Microsoft.ML.NasTuners.Tests.SearchSpaces;

/// <summary>Bad JSON is a <see cref="JsonException"/> that says what is wrong, never another exception or a silent
/// choice.</summary>
public class JsonFaultTests
{
    [Fact]
    public void Json_null_is_neither_a_parameter_nor_a_space()
    {
        FluentActions.Invoking(() => Parameter.Parse("null")).Should().Throw<JsonException>().WithMessage("*'null'*parameter*");
        FluentActions.Invoking(() => SearchSpace.FromJson("null")).Should().Throw<JsonException>().WithMessage("*'null'*search space*");
    }

    [Fact]
    public void A_number_beyond_double_range_is_refused()
    {
        FluentActions.Invoking(() => Parameter.Parse("""{"a":1e999}""")).Should().Throw<JsonException>().WithMessage("*1e999*finite*");
    }

    [Fact]
    public void A_repeated_key_is_refused_in_a_parameter_and_in_a_space()
    {
        FluentActions.Invoking(() => Parameter.Parse("""{"a":1,"a":2}""")).Should().Throw<JsonException>().WithMessage("*'a'*twice*");
        FluentActions.Invoking(() => SearchSpace.FromJson("""{"x":{"type":"int","min":1,"max":3},"x":{"type":"int","min":1,"max":9}}"""))
            .Should().Throw<JsonException>();
    }

    [Fact]
    public void An_unknown_key_in_an_option_is_refused_with_the_keys_it_takes()
    {
        FluentActions.Invoking(() => SearchSpace.FromJson("""{"lr":{"type":"double","min":0.1,"mx":1}}"""))
            .Should().Throw<JsonException>().WithMessage("*$.lr*'mx'*min, max*");
    }
}
