namespace Microsoft.ML.NasTuners.Tests.SearchSpaces;

/// <summary>Reading a parameter as a typed value: numbers cross between integer and floating point where exact, and a
/// value that cannot be read names its key.</summary>
public class ParameterReadingTests
{
    private sealed class Options
    {
        public int Depth { get; set; }
        public double Rate { get; set; }
        public string Kind { get; set; } = "";
    }

    private static Parameter Of(double depth) => Parameter.CreateNestedParameter(
        new("Depth", Parameter.FromDouble(depth)), new("Rate", Parameter.FromInt(2)), new("Kind", Parameter.FromString("tree")));

    [Fact]
    public void Whole_numbers_read_as_int_and_long_whatever_option_made_them()
    {
        Parameter.FromDouble(3.0).AsInt().Should().Be(3);
        Parameter.FromFloat(-7f).AsInt().Should().Be(-7);
        Parameter.FromInt(5).AsInt().Should().Be(5);
        Parameter.FromDouble(3e12).AsLong().Should().Be(3_000_000_000_000L);
        Parameter.FromInt(5).AsDouble().Should().Be(5.0);
    }

    [Fact]
    public void A_fraction_an_out_of_range_number_or_a_string_is_not_an_int()
    {
        Parameter.FromDouble(3.5).Invoking(p => p.AsInt()).Should().Throw<InvalidOperationException>().WithMessage("*3.5*whole number*");
        Parameter.FromDouble(3e12).Invoking(p => p.AsInt()).Should().Throw<InvalidOperationException>().WithMessage("*int's range*");
        Parameter.FromString("3").Invoking(p => p.AsInt()).Should().Throw<InvalidOperationException>().WithMessage("*String*");
    }

    [Fact]
    public void AsType_fills_an_int_property_from_a_whole_double_and_a_double_property_from_an_int()
    {
        var options = Of(4.0).AsType<Options>();

        options.Depth.Should().Be(4);
        options.Rate.Should().Be(2.0);
        options.Kind.Should().Be("tree");
        Parameter.FromDouble(6.0).AsType<int>().Should().Be(6);
    }

    [Fact]
    public void AsType_names_the_key_and_value_it_cannot_read()
    {
        var act = () => Of(4.5).AsType<Options>();

        act.Should().Throw<InvalidOperationException>().WithMessage("Parameter 'Depth' (4.5) of *cannot be read as Options.Depth*whole*")
            .WithInnerException<System.Text.Json.JsonException>();
        Parameter.FromDouble(0.25).Invoking(p => p.AsType<int>()).Should().Throw<InvalidOperationException>().WithMessage("Parameter 0.25 cannot be read as Int32*");
    }
}
