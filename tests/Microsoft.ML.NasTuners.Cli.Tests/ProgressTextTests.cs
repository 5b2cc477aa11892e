namespace Microsoft.ML.NasTuners.Cli.Tests;

public class ProgressTextTests
{
    [Theory]
    [InlineData(10, 40, 30, "about 1m 30s left")]
    [InlineData(1, 100, 60, "about 1h 39m left")]
    [InlineData(50, 100, 10, "about 10 s left")]
    [InlineData(0, 100, 10, "")]
    public void Time_left_is_the_rate_so_far_applied_to_what_remains(long completed, long total, double elapsedSeconds, string expected) =>
        ProgressText.TimeLeft(completed, total, TimeSpan.FromSeconds(elapsedSeconds)).Should().Be(expected);

    [Fact]
    public void A_rate_below_one_per_second_is_given_per_minute()
    {
        ProgressText.Rate(3, TimeSpan.FromSeconds(60)).Should().Be("3 trials/min");
        ProgressText.Rate(30, TimeSpan.FromSeconds(10)).Should().Be("3 trials/s");
    }
}
