using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Tests;

/// <summary>Without a data set, only what reads it is unavailable: listing and 'all' still work. Each test points the
/// data-set variables at an empty folder in a child process, which is how a machine without the data looks.</summary>
public sealed class MissingDataTests : IDisposable
{
    private readonly string _empty = Directory.CreateTempSubdirectory("nas-no-data-").FullName;

    public void Dispose() => Directory.Delete(_empty, recursive: true);

    private Dictionary<string, string> WithoutData() => new()
    {
        [Nb201Data.DirectoryVariable] = _empty,
        [YahpoData.DirectoryVariable] = _empty,
    };

    [Fact]
    public void List_shows_problems_without_their_data_as_unavailable_with_the_variable_to_set()
    {
        var run = CliProcess.Run(WithoutData(), "bench", "--list");

        run.ExitCode.Should().Be(0, run.Stderr);
        var lines = run.Stdout.Split('\n');
        lines.Should().Contain(l => l.StartsWith("| nb201_cifar10 ") && l.Contains("unavailable") && l.Contains(Nb201Data.DirectoryVariable));
        lines.Should().Contain(l => l.StartsWith("| yahpo_lcbench ") && l.Contains("unavailable") && l.Contains(YahpoData.DirectoryVariable));
        lines.Should().Contain(l => l.StartsWith("| branin ") && l.Contains("| 2 "));
    }

    [Fact]
    public void All_skips_each_problem_without_its_data_with_one_line_and_runs_the_rest()
    {
        var run = CliProcess.Run(WithoutData(), "bench", "--problem", "all", "--tuner", "random", "--trials", "5", "--seeds", "1");

        run.ExitCode.Should().Be(0, run.Stderr);
        foreach (var name in new[] { "yahpo_lcbench", "nb201_cifar10", "nb201_cifar100", "nb201_imagenet16" })
        {
            run.Stderr.Split('\n').Count(l => l.StartsWith($"bench: skipping {name}:")).Should().Be(1, name);
            run.Stdout.Should().NotContain($"| {name} ");
        }
        foreach (var name in BenchmarkProblems.Names.Where(n => BenchmarkProblems.RequiredData(n) is null))
            run.Stdout.Should().Contain($"| {name} ");
    }

    [Fact]
    public void A_named_problem_without_its_data_is_a_usage_error_that_names_the_variable()
    {
        var run = CliProcess.Run(WithoutData(), "bench", "--problem", "branin,nb201_cifar10", "--tuner", "random", "--seeds", "1");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("nb201_cifar10").And.Contain(Nb201Data.DirectoryVariable).And.Contain(_empty);
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public void With_the_data_every_problem_is_listed_with_its_dimension()
    {
        var run = CliProcess.Run(new Dictionary<string, string>(), "bench", "--list");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().NotContain("unavailable", "the repository ships data/");
        run.Stdout.Split('\n').Should().Contain(l => l.StartsWith("| nb201_cifar10 ") && l.Contains("| 6 "));
    }
}
