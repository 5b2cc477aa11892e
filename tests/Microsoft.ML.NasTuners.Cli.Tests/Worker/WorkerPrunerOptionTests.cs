namespace Microsoft.ML.NasTuners.Cli.Tests.Worker;

/// <summary><c>worker --pruner</c>: checked before the worker connects, so these need no server (the runs with a server
/// are in the PostgreSQL tests).</summary>
public class WorkerPrunerOptionTests
{
    private const string Storage = "postgresql://nobody@127.0.0.1:1/none";

    [Fact]
    public void An_unknown_pruner_is_a_usage_error_that_lists_the_pruners()
    {
        var run = CliRun.Of("worker", "--storage", Storage, "--study", "s", "--problem", "mf_hartmann6", "--pruner", "wild");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("'wild'").And.Contain("none, median, percentile, asha, hyperband");
    }

    [Fact]
    public void A_pruner_on_a_problem_without_learning_curves_is_a_usage_error()
    {
        var run = CliRun.Of("worker", "--storage", Storage, "--study", "s", "--problem", "branin", "--pruner", "median");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("branin").And.Contain("no budget range");
    }
}
