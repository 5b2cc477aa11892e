using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Cli.Tests.Review;

public class ReviewImportTests
{
    [Fact]
    public void Imported_runs_join_the_tables_of_their_problems_under_their_tuner_name()
    {
        using var temp = new TempDirectory();
        var other = temp.File("other.jsonl");
        // Another framework's runs of branin in the bench format: here random search written under another name.
        var records = new[] { 1, 2, 3 }.SelectMany(seed =>
        {
            var problem = new BraninProblem();
            return BenchmarkRunner.RunOne(problem, "elsewhere", new RandomSearchTuner(problem.SearchSpace, seed + 100), seed, trials: 16);
        });
        TrialRecordJsonl.WriteFile(other, records);

        var run = CliRun.Of("review", "--quick", "--conditions", "low_dim", "--out", temp.File("review"), "--import", other, "--import", temp.File("absent.jsonl"));

        run.ExitCode.Should().Be(0, run.Stderr);
        var readme = File.ReadAllText(temp.File("review/README.md"));
        readme.Should().Contain("imported 48 trials of elsewhere from").And.Contain("absent.jsonl is absent: skipped");
        // A value on branin, a dash on hartmann3, which it did not run; too few cells to be ranked with the others.
        readme.Should().MatchRegex(@"\n\| elsewhere \| [0-9.e-]+ \([0-9.e-]+–[0-9.e-]+\) \| — \|\n");
        readme.Should().Contain("Not ranked (missing in some cell): elsewhere.").And.MatchRegex(@"On the 3 cells it ran, elsewhere's mean rank among the ranked tuners is [1-6]\.\d\d \(of 1–6\)\.");
        readme.Should().Contain("tuners: random, tpe, smac, gp-map, auto, elsewhere");
    }

    [Fact]
    public void Ctrl_C_keeps_the_finished_trials_and_the_same_command_continues()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("review");
        using var stderr = new CancellingWriter("review low_dim: 50%");

        var stopped = CliInvocation.Run(stderr, "review", "--quick", "--conditions", "low_dim", "--out", folder, "--threads", "1");

        stopped.ExitCode.Should().Be(130, stopped.Stderr);
        stopped.Stderr.Should().Contain("review: cancelled");
        File.Exists(Path.Combine(folder, "README.md")).Should().BeFalse();
        var kept = JsonlLines.Complete(Path.Combine(folder, "low_dim.quick.jsonl"));
        kept.Should().NotBeEmpty();

        var resumed = CliRun.Of("review", "--quick", "--conditions", "low_dim", "--out", folder, "--threads", "1");

        resumed.ExitCode.Should().Be(0, resumed.Stderr);
        resumed.Stderr.Should().MatchRegex(@"review: low_dim: 30 run\(s\) to 16 trials, parallel 1; [1-9]\d* already in");
        File.Exists(Path.Combine(folder, "README.md")).Should().BeTrue();
        JsonlLines.Complete(Path.Combine(folder, "low_dim.quick.jsonl")).GroupBy(BenchmarkRunId.Of).Should().HaveCount(30)
            .And.OnlyContain(g => g.Count() == 16);
    }
}
