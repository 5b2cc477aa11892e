namespace Microsoft.ML.NasTuners.Cli.Tests;

public class BenchOutTests
{
    [Theory]
    [InlineData("missing-directory", false)]
    [InlineData("missing-directory", true)]
    [InlineData("a-directory", false)]
    [InlineData("a-directory", true)]
    public void An_out_that_cannot_be_written_exits_2_before_anything_runs(string what, bool resume)
    {
        using var temp = new TempDirectory();
        var (path, reason) = what == "a-directory"
            ? (temp.Path, "it is a directory")
            : (Path.Combine(temp.Path, "no-such-dir", "out.jsonl"), $"the directory '{Path.Combine(temp.Path, "no-such-dir")}' does not exist");
        string[] args = ["bench", "-p", "branin", "-t", "random", "-s", "1-3", "-n", "50", "--out", path];

        var run = CliRun.Of(resume ? [.. args, "--resume"] : args);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be($"error: --out: cannot write '{path}': {reason}\n", "nothing ran, so nothing else was said");
        run.Stdout.Should().BeEmpty();
        Directory.Exists(Path.Combine(temp.Path, "no-such-dir")).Should().BeFalse();
    }

    [Fact]
    public void Without_resume_an_existing_out_is_replaced()
    {
        using var temp = new TempDirectory();
        var path = temp.File("out.jsonl");
        File.WriteAllText(path, "not a record\n{\"partial");

        var run = CliRun.Of("bench", "-p", "branin", "-t", "random", "-s", "1-2", "-n", "15", "--out", path);

        run.ExitCode.Should().Be(0, run.Stderr);
        JsonlLines.Complete(path).Select(r => (r.Seed, r.Trial)).Should().BeEquivalentTo(
            from seed in new[] { 1, 2 } from trial in Enumerable.Range(0, 15) select (seed, trial));
        run.Stderr.Should().Contain($"bench: wrote 30 records to {path}");
    }
}
