using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Cli.Tests;

/// <summary>The committed baselines under benchmarks/baselines are the guard on every tuner's proposals: this is the
/// check that a change to any tuner, problem or the runner fails until it is measured and the baseline updated.</summary>
public class BaselineVerifyTests
{
    public static TheoryData<string> Baselines => new(Directory.GetFiles(BaselineFolder(), "*.json").Select(Path.GetFileName).OfType<string>().Order());

    [Theory]
    [MemberData(nameof(Baselines))]
    public void Every_committed_baseline_reproduces_exactly_on_this_build(string file)
    {
        var run = CliRun.Of("bench", "--verify", Path.Combine(BaselineFolder(), file));

        run.ExitCode.Should().Be(0, $"{run.Stdout}{run.Stderr}");
        run.Stdout.Should().Contain("reproduce the baseline exactly");
    }

    [Fact]
    public void The_baselines_cover_every_registered_tuner_sequentially_and_with_parallel_workers()
    {
        var plans = Directory.GetFiles(BaselineFolder(), "*.json").Select(BenchmarkBaseline.Read).Select(b => b.Plan).ToArray();
        foreach (var tuner in BenchmarkTuners.CreateRegistry().Names)
        {
            plans.Should().Contain(p => p.Tuners.Contains(tuner) && p.Parallel == 1, tuner);
            plans.Should().Contain(p => p.Tuners.Contains(tuner) && p.Parallel > 1, tuner);
        }
    }

    [Fact]
    public void A_one_line_change_to_a_tuners_default_fails_the_check_and_names_the_runs_that_moved()
    {
        // The registry as shipped, except that TPE starts its model one trial later: the change a careless edit of
        // TpeOptions.NStartupTrials would make.
        var changed = new TunerRegistry();
        foreach (var entry in BenchmarkTuners.CreateRegistry().Entries)
        {
            TunerFactory factory = entry.Name == "tpe"
                ? (space, seed, _, _) => new TpeTuner(space, new TpeOptions { NStartupTrials = 11 }, seed)
                : entry.Factory;
            changed.Add(entry.Name, entry.Description, factory, entry.AppliesTo, entry.Requirement);
        }

        var run = CliRun.With(changed, "bench", "--verify", Path.Combine(BaselineFolder(), "sequential.json"));

        run.ExitCode.Should().Be(1);
        var moved = run.Stdout.Split('\n').Where(l => l.Contains(": moved at trial")).ToArray();
        moved.Should().NotBeEmpty().And.OnlyContain(l => l.Contains(" / tpe / "), "only TPE changed");
        moved.Should().OnlyContain(l => l.Contains("moved at trial 10 "), "TPE's first ten trials are its random start either way");
        run.Stdout.Should().Contain("runs moved").And.Contain("--write-baseline");
    }

    [Fact]
    public void Verify_takes_no_plan_options_and_reports_an_unreadable_file()
    {
        CliRun.Of("bench", "--verify", Path.Combine(BaselineFolder(), "sequential.json"), "--tuner", "random")
            .Should().Match<CliRun>(r => r.ExitCode == 2 && r.Stderr.Contains("--tuner"));
        var missing = CliRun.Of("bench", "--verify", "/nonexistent/baseline.json");
        missing.ExitCode.Should().Be(2);
        missing.Stderr.Should().Contain("/nonexistent/baseline.json");
    }

    [Fact]
    public void Write_baseline_then_verify_round_trips()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nas-baseline-{Guid.NewGuid():N}.json");
        try
        {
            var write = CliRun.Of("bench", "--problem", "branin", "--tuner", "random,tpe", "--trials", "12", "--seeds", "1-2", "--write-baseline", path);
            write.ExitCode.Should().Be(0, write.Stderr);
            write.Stderr.Should().Contain($"wrote the baseline of 4 runs to {path}");

            var verify = CliRun.Of("bench", "--verify", path);
            verify.ExitCode.Should().Be(0, verify.Stdout + verify.Stderr);
            verify.Stdout.Should().Contain("all 4 runs reproduce");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string BaselineFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "benchmarks", "baselines");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"No benchmarks/baselines above {AppContext.BaseDirectory}.");
    }
}
