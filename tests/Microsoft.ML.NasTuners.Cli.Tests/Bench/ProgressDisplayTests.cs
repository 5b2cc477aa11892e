using System.Text.RegularExpressions;
using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Cli.Bench;

namespace Microsoft.ML.NasTuners.Cli.Tests.Bench;

public class ProgressDisplayTests
{
    [Fact]
    public void Without_a_terminal_bench_writes_a_line_every_tenth_with_runs_in_flight_rate_and_time_left()
    {
        var run = CliRun.Of("bench", "--problem", "branin", "--tuner", "random", "--trials", "50", "--seeds", "1-4", "--threads", "2");

        run.ExitCode.Should().Be(0, run.Stderr);
        var lines = run.Stderr.Split('\n').Where(l => l.StartsWith("bench: ", StringComparison.Ordinal) && l.Contains("% (")).ToList();
        lines.Select(l => l[7..l.IndexOf('%')]).Should().Equal("10", "20", "30", "40", "50", "60", "70", "80", "90", "100");
        lines.SkipLast(1).Should().OnlyContain(l => Regex.IsMatch(l, @"runs done, [0-2] running, [0-9.]+ trials/(s|min), (about .+ left|)\)$"));
        lines[^1].Should().EndWith("(200/200 trials, 4/4 runs done)");
    }

    [Fact]
    public void Quiet_bench_shows_no_progress_but_still_its_plan_and_table()
    {
        var run = CliRun.Of("bench", "--problem", "branin", "--tuner", "random", "--trials", "20", "--seeds", "1-2", "--quiet");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().NotContain("%").And.Contain("bench: 1 problem(s)");
        run.Stdout.Should().Contain("random");
    }

    [Fact]
    public void Quiet_review_shows_no_progress()
    {
        using var folder = new TempDirectory();
        var run = CliRun.Of("review", "--quick", "--conditions", "low_dim", "--seeds", "1", "--out", folder.Path, "--quiet");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().NotContain("% (");
    }

    [Theory]
    [InlineData(10, 40, 30, "about 1m 30s left")]
    [InlineData(1, 100, 60, "about 1h 39m left")]
    [InlineData(50, 100, 10, "about 10 s left")]
    [InlineData(0, 100, 10, "")]
    public void Time_left_is_the_rate_so_far_applied_to_what_remains(long completed, long total, double elapsedSeconds, string expected) =>
        ProgressDisplay.TimeLeft(completed, total, TimeSpan.FromSeconds(elapsedSeconds)).Should().Be(expected);

    [Fact]
    public void A_rate_below_one_per_second_is_given_per_minute()
    {
        ProgressDisplay.Rate(new BenchmarkProgress(3, 10, 0, 1), TimeSpan.FromSeconds(60)).Should().Be("3 trials/min");
        ProgressDisplay.Rate(new BenchmarkProgress(30, 100, 0, 1), TimeSpan.FromSeconds(10)).Should().Be("3 trials/s");
    }
}
