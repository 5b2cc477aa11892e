namespace Microsoft.ML.NasTuners.Cli.Tests;

public class BenchKillTests
{
    [Fact]
    public void A_killed_benchmark_leaves_whole_lines_and_resume_completes_it_as_an_uninterrupted_run()
    {
        using var temp = new TempDirectory();
        var path = temp.File("killed.jsonl");
        // 32 runs of 600 trials on one thread: several seconds, and a file that grows run by run.
        string[] plan = ["bench", "-p", "branin,hartmann6", "-t", "random,tpe", "-s", "1-8", "-n", "600", "--threads", "1"];
        using (var child = CliChild.Start([.. plan, "--out", path]))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (JsonlLines.Count(path) < 300 && !child.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(20);
            child.HasExited.Should().BeFalse("the benchmark is killed midway, not after it ended");
            child.Kill();
        }

        var left = JsonlLines.Complete(path);
        left.Count.Should().BeInRange(300, 32 * 600 - 1);
        left.Select(r => (r.Problem, r.Tuner, r.Seed, r.Trial)).Should().OnlyHaveUniqueItems();
        foreach (var run in left.GroupBy(r => (r.Problem, r.Tuner, r.Seed)))
            run.Select(r => r.Trial).Should().Equal(Enumerable.Range(0, run.Count()), "a run's trials are written in order");

        var resumed = CliProcess.Run(new Dictionary<string, string>(), [.. plan, "--out", path, "--resume"]);
        var uninterrupted = CliRun.Of([.. plan, "--out", temp.File("uninterrupted.jsonl")]);

        resumed.ExitCode.Should().Be(0, resumed.Stderr);
        resumed.Stderr.Should().Contain($"bench: resuming {path}: ");
        MarkdownTables.Rows(resumed.Stdout, "mean propose ms").Should().Equal(MarkdownTables.Rows(uninterrupted.Stdout, "mean propose ms"));
        var records = JsonlLines.Complete(path);
        records.Should().HaveCount(32 * 600);
        records.Select(r => (r.Problem, r.Tuner, r.Seed, r.Trial)).Should().OnlyHaveUniqueItems();
    }
}
