using System.Text.RegularExpressions;

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
        lines.SkipLast(1).Should().OnlyContain(l => Regex.IsMatch(l,
            @"runs done, [0-2] running, [0-9.]+ trials/(s|min), (about .+ left|), last: branin / random / seed [1-4] at trial [0-9]+, best regret [0-9.Ee+-]+\)$"));
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
}
