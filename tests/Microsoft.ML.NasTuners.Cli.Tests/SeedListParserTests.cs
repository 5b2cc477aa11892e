using Microsoft.ML.NasTuners.Cli.Bench;

namespace Microsoft.ML.NasTuners.Cli.Tests;

public class SeedListParserTests
{
    [Theory]
    [InlineData("7", new[] { 7 })]
    [InlineData("0", new[] { 0 })]
    [InlineData("1-5", new[] { 1, 2, 3, 4, 5 })]
    [InlineData("3-3", new[] { 3 })]
    [InlineData("1,3,5", new[] { 1, 3, 5 })]
    [InlineData("9,1-3,2", new[] { 1, 2, 3, 9 })]
    [InlineData(" 1 - 3 , 10 ", new[] { 1, 2, 3, 10 })]
    public void Parses_numbers_ranges_and_lists(string text, int[] expected)
    {
        SeedListParser.Parse(text).Should().Equal(expected);
    }

    [Fact]
    public void Ranges_ending_at_int_max_do_not_overflow()
    {
        SeedListParser.Parse($"{int.MaxValue - 1}-{int.MaxValue}").Should().Equal(int.MaxValue - 1, int.MaxValue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    [InlineData("5-1")]
    [InlineData("1,,2")]
    [InlineData("1,")]
    [InlineData("a")]
    [InlineData("1-2-3")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    [InlineData("1-1000000")]
    public void Rejects_what_is_not_a_seed_list(string? text)
    {
        FluentActions.Invoking(() => SeedListParser.Parse(text)).Should().Throw<FormatException>().Which.Message.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Reversed_ranges_suggest_the_fix()
    {
        FluentActions.Invoking(() => SeedListParser.Parse("20-1")).Should().Throw<FormatException>().WithMessage("*1-20*");
    }
}
