namespace Microsoft.ML.NasTuners.Cli.Tests.Pruning;

public class PruningCommandTests
{
    [Fact]
    public void It_prints_one_row_per_pruner_with_the_epochs_of_each_run()
    {
        var run = CliRun.Of("pruning", "--seeds", "1-2", "--full-trainings", "4");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("mf_hartmann6, tuner random, 324 epochs per run (4 full trainings of 81), seeds 1,2");
        run.Stdout.Should().MatchRegex(@"\| none \| [0-9.e-]+ \| [0-9.e-]+ \| [0-9.e-]+ \| 5 \| 4 \| 0 \|");
        run.Stdout.Should().MatchRegex(@"\| median \|").And.MatchRegex(@"\| asha \|");
    }

    [Fact]
    public void A_problem_without_budgets_and_an_unknown_pruner_are_usage_errors()
    {
        var branin = CliRun.Of("pruning", "--problem", "branin");
        var unknown = CliRun.Of("pruning", "--pruners", "none,wild");

        branin.ExitCode.Should().Be(2);
        branin.Stderr.Should().Contain("branin").And.Contain("no budget range");
        unknown.ExitCode.Should().Be(2);
        unknown.Stderr.Should().Contain("wild");
    }
}
