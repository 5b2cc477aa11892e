namespace Microsoft.ML.NasTuners.Cli.Tests;

public class BenchCancelTests
{
    [Fact]
    public void Ctrl_C_keeps_every_finished_trial_summarises_the_finished_runs_and_exits_130()
    {
        using var temp = new TempDirectory();
        var path = temp.File("out.jsonl");
        // 8 runs of 400 trials, one at a time: at 30% (960 trials) two runs are done and the third is at trial 160.
        using var stderr = new CancellingWriter("bench: 30%");

        var run = CliInvocation.Run(stderr, "bench", "-p", "branin,hartmann3", "-t", "random,tpe", "-s", "1-2", "-n", "400", "--threads", "1", "--out", path);

        run.ExitCode.Should().Be(130, run.Stderr);
        run.Stderr.Should().Contain("bench: cancelled")
            .And.Contain($"bench: 1 run(s) cancelled midway are left out of the summary; their 160 finished trial(s) stay in {path}.")
            .And.NotContain("bench: 40%");
        var records = JsonlLines.Complete(path);
        File.ReadAllText(path).Should().EndWith("\n", "the file is flushed whole on the way out");
        records.Should().HaveCount(960, "every trial that ended before the cancellation is in the file");
        records.Select(r => (r.Problem, r.Tuner, r.Seed, r.Trial)).Should().OnlyHaveUniqueItems();
        var byRun = records.GroupBy(r => (r.Problem, r.Tuner, r.Seed)).ToArray();
        byRun.Select(g => g.Count()).Order().Should().Equal(160, 400, 400);
        foreach (var trials in byRun) trials.Select(r => r.Trial).Should().Equal(Enumerable.Range(0, trials.Count()));

        var summary = MarkdownTables.Rows(run.Stdout);
        summary[0].Should().StartWith("problem | tuner | seeds");
        summary.Skip(1).Sum(row => int.Parse(row.Split(" | ")[2])).Should().Be(2, "only the two finished runs are summarised");
    }

    [Fact]
    public void Ctrl_C_before_any_run_finished_says_there_is_no_summary()
    {
        using var stderr = new CancellingWriter("bench: 10%");

        var run = CliInvocation.Run(stderr, "bench", "-p", "branin", "-t", "random", "-s", "1", "-n", "500", "--threads", "1");

        run.ExitCode.Should().Be(130);
        run.Stderr.Should().Contain("bench: cancelled").And.Contain("bench: 1 run(s) cancelled midway are left out of the summary.")
            .And.Contain("bench: no run finished, so there is no summary.");
        run.Stdout.Should().BeEmpty();
    }
}
