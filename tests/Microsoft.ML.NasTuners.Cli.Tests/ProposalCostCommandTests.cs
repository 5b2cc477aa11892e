namespace Microsoft.ML.NasTuners.Cli.Tests;

public class ProposalCostCommandTests
{
    [Fact]
    public void It_prints_one_row_per_tuner_and_history_size()
    {
        var run = CliRun.Of("proposal-cost", "--tuner", "random,gp-map", "--problem", "branin", "--observations", "10,20", "--proposals", "2");

        run.ExitCode.Should().Be(0, run.Stderr);
        var rows = run.Stdout.Split('\n').Where(l => l.StartsWith("| random ") || l.StartsWith("| gp-map ")).ToArray();
        rows.Should().HaveCount(4);
        rows.Should().Contain(r => r.StartsWith("| gp-map | branin | 20 |"));
        run.Stderr.Should().Contain("gp-map on branin with 20 observations");
    }

    [Theory]
    [InlineData("--tuner", "nope")]
    [InlineData("--problem", "nope")]
    [InlineData("--observations", "ten")]
    [InlineData("--proposals", "-1")]
    public void Bad_input_is_a_usage_error_that_says_what_is_wrong(string option, string value)
    {
        var run = CliRun.Of("proposal-cost", option, value);

        run.ExitCode.Should().Be(ExitCodes.Usage);
        run.Stderr.Should().StartWith("error: ");
    }
}
