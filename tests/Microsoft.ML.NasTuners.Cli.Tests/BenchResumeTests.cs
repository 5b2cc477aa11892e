namespace Microsoft.ML.NasTuners.Cli.Tests;

public class BenchResumeTests
{
    // Proposal times are measured, so the one column two runs of the same plan need not share.
    private static IReadOnlyList<string> Results(CliRun run) => MarkdownTables.Rows(run.Stdout, "mean propose ms");

    [Fact]
    public void A_benchmark_resumed_after_Ctrl_C_summarises_as_an_uninterrupted_one()
    {
        using var temp = new TempDirectory();
        string[] plan = ["bench", "-p", "branin,hartmann3", "-t", "random,tpe", "-s", "1-2", "-n", "400", "--threads", "1"];
        var path = temp.File("resumed.jsonl");
        using (var stderr = new CancellingWriter("bench: 30%"))
            CliInvocation.Run(stderr, [.. plan, "--out", path]).ExitCode.Should().Be(130);

        var resumed = CliRun.Of([.. plan, "--out", path, "--resume"]);
        var uninterrupted = CliRun.Of([.. plan, "--out", temp.File("uninterrupted.jsonl")]);

        resumed.ExitCode.Should().Be(0, resumed.Stderr);
        resumed.Stderr.Should().Contain($"bench: resuming {path}: 2 of 8 run(s) complete (800 records kept), dropped 1 unfinished run(s) (160 records); running 6")
            .And.Contain($"bench: appended 2400 records to {path} (3200 in all)");
        Results(resumed).Should().Equal(Results(uninterrupted)).And.Contain(row => row.StartsWith("rank | tuner"), "the ranking is compared too");
        var records = JsonlLines.Complete(path);
        records.Should().HaveCount(3200);
        records.Select(r => (r.Problem, r.Tuner, r.Seed, r.Trial)).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("3", 0)]
    public void A_budget_limited_benchmark_resumes_keeping_only_the_runs_provably_complete(string parallel, int kept)
    {
        using var temp = new TempDirectory();
        // 6 runs of 12 full budgets, one at a time: at 30% the first run is done and the second is midway. With three
        // workers the records cannot show a run's end, so none is kept and all run again.
        string[] plan = ["bench", "-p", "mf_hartmann6", "-t", "random,hyperband", "-s", "1-3", "--budget-limit", "12", "--parallel", parallel, "--threads", "1"];
        var path = temp.File("resumed.jsonl");
        using (var stderr = new CancellingWriter("bench: 30%"))
            CliInvocation.Run(stderr, [.. plan, "--out", path]).ExitCode.Should().Be(130);

        var resumed = CliRun.Of([.. plan, "--out", path, "--resume"]);
        var uninterrupted = CliRun.Of([.. plan, "--out", temp.File("uninterrupted.jsonl")]);

        resumed.ExitCode.Should().Be(0, resumed.Stderr);
        resumed.Stderr.Should().Contain($"bench: resuming {path}: {kept} of 6 run(s) complete");
        Results(resumed).Should().Equal(Results(uninterrupted));
        JsonlLines.Complete(path).Select(r => (r.Tuner, r.Seed, r.Trial)).Should().OnlyHaveUniqueItems()
            .And.HaveCount(JsonlLines.Complete(temp.File("uninterrupted.jsonl")).Count);
    }

    [Fact]
    public void Resuming_a_complete_file_runs_nothing_and_prints_the_same_tables()
    {
        using var temp = new TempDirectory();
        var path = temp.File("done.jsonl");
        string[] plan = ["bench", "-p", "branin,mixed3", "-t", "random,tpe", "-s", "1-2", "-n", "20", "--out", path];
        var first = CliRun.Of(plan);
        var before = File.ReadAllBytes(path);

        var again = CliRun.Of([.. plan, "--resume"]);

        again.ExitCode.Should().Be(0, again.Stderr);
        again.Stderr.Should().Contain("8 of 8 run(s) complete (160 records kept); running 0").And.Contain("appended 0 records");
        again.Stdout.Should().Be(first.Stdout, "every number, proposal times included, is read back from the same records");
        File.ReadAllBytes(path).Should().Equal(before);
    }

    [Fact]
    public void Resume_refuses_a_file_another_plan_wrote_and_leaves_it_alone()
    {
        using var temp = new TempDirectory();
        var path = temp.File("other.jsonl");
        CliRun.Of("bench", "-p", "branin", "-t", "random", "-s", "1-3", "-n", "10", "--out", path).ExitCode.Should().Be(0);
        var before = File.ReadAllBytes(path);

        var run = CliRun.Of("bench", "-p", "branin", "-t", "random", "-s", "1-2", "-n", "10", "--out", path, "--resume");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("error: --resume: ").And.Contain("branin / random / seed 3, which this plan does not run");
        run.Stdout.Should().BeEmpty();
        File.ReadAllBytes(path).Should().Equal(before);
    }

    [Fact]
    public void Resume_needs_out_and_verify_takes_no_resume()
    {
        var withoutOut = CliRun.Of("bench", "-p", "branin", "-t", "random", "--resume");
        withoutOut.ExitCode.Should().Be(2);
        withoutOut.Stderr.Should().Be("error: --resume needs --out FILE, the file to continue.\n");

        var verify = CliRun.Of("bench", "--verify", "baseline.json", "--resume");
        verify.ExitCode.Should().Be(2);
        verify.Stderr.Should().Contain("takes no --resume");
    }
}
