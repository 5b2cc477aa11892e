using Microsoft.ML.NasTuners.Cli.Study;

namespace Microsoft.ML.NasTuners.Cli.Tests.Study;

public class StudyProgressLinesTests
{
    [Fact]
    public void Study_run_writes_a_line_every_tenth_of_its_trials_with_the_best_loss_so_far()
    {
        using var folder = new TempDirectory();
        var storage = Path.Combine(folder.Path, "s.db");

        var run = CliRun.Of("study", "run", "--storage", storage, "--study", "p", "--problem", "branin", "--tuner", "random", "--trials", "30");

        run.ExitCode.Should().Be(0, run.Stderr);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("study p: ", StringComparison.Ordinal)).ToList();
        lines.Select(l => l.Split(' ')[2]).Should().Equal("3/30", "6/30", "9/30", "12/30", "15/30", "18/30", "21/30", "24/30", "27/30", "30/30");
        lines.Should().OnlyContain(l => l.Contains("best loss ") && l.Contains("trials/"));
        lines[^1].Should().Contain("0 running");
    }

    [Fact]
    public void Quiet_study_run_writes_only_its_result()
    {
        using var folder = new TempDirectory();
        var run = CliRun.Of("study", "run", "--storage", Path.Combine(folder.Path, "s.db"), "--study", "q", "--problem", "branin", "--tuner", "random", "--trials", "10", "--quiet");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().BeEmpty();
        run.Stdout.Should().Contain("study q: 10 trials");
    }

    [Fact]
    public void A_resumed_study_counts_its_rate_from_the_trials_of_this_run()
    {
        var writer = new StringWriter();
        var lines = new StudyProgressLines(writer, "study r");

        // 20 trials held before; 4 of this run's 10 ended after 8 s: 0.5 per second, 6 left.
        lines.Report(Progress(completed: 21, max: 30, seconds: 2));
        lines.Report(Progress(completed: 22, max: 30, seconds: 4));
        lines.Report(Progress(completed: 24, max: 30, seconds: 8));

        var written = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        written.Should().HaveCount(2, "a study of 30 trials writes at each tenth: trial 22 is still in the tenth of trial 21");
        written[^1].Should().Contain("24/30 trials").And.Contain("30 trials/min").And.Contain("about 12 s left");
    }

    private static ExperimentProgress Progress(int completed, int max, double seconds) => new()
    {
        TrialsCompleted = completed, TrialsRunning = 0, MaxTrials = max, BestLoss = 0.5, BestTrialId = 3, Elapsed = TimeSpan.FromSeconds(seconds),
    };
}
