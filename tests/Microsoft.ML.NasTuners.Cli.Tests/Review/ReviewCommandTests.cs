using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Benchmarks.Review;
using SkiaSharp;

namespace Microsoft.ML.NasTuners.Cli.Tests.Review;

public sealed class ReviewCommandTests(QuickReview quick) : IClassFixture<QuickReview>
{
    private static IReadOnlyList<TrialRecord> Records(string path)
    {
        using var reader = File.OpenText(path);
        return TrialRecordJsonl.Read(reader).ToArray();
    }

    // The condition's row in the answer's table (auto's table below it has a row per condition too).
    private static string AnswerRow(string readme, string condition) =>
        readme.Split('\n').SkipWhile(l => l != "## The answer").TakeWhile(l => !l.StartsWith("How the hypothesis", StringComparison.Ordinal))
            .Single(l => l.StartsWith($"| {condition} | ", StringComparison.Ordinal));

    [Fact]
    public void The_quick_review_runs_every_condition_in_under_three_minutes()
    {
        quick.ExitCode.Should().Be(0, quick.Stderr);
        quick.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(3));
        foreach (var condition in ReviewConditions.Quick)
        {
            File.Exists(Path.Combine(quick.Folder, $"{condition.Name}.quick.jsonl")).Should().BeTrue(condition.Name);
            quick.Readme.Should().Contain($"\n## {condition.Name}\n");
        }
    }

    [Fact]
    public void The_readme_checks_auto_against_its_targets_and_says_its_seeds_chose_its_rules()
    {
        quick.Readme.Should().Contain("## auto against its targets").And.Contain("Seeds 1, 2, 3: **in-sample**");
        foreach (var condition in ReviewConditions.Quick.Where(c => c.Tuners.Contains("auto")))
            quick.Readme.Should().MatchRegex($@"\| {condition.Name} \| \d+: \d\.\d\d \(of \d\)");
    }

    [Fact]
    public void The_readme_names_the_winner_the_trials_support_in_every_condition()
    {
        foreach (var condition in ReviewConditions.Quick)
        {
            var records = Records(Path.Combine(quick.Folder, $"{condition.Name}.quick.jsonl"));
            var winner = AnswerRow(quick.Readme, condition.Name).Split(" | ")[1];
            if (condition.InFullBudgets)
            {
                // Compared at a spent budget, which the last trial may overshoot: the winner is one of the tuners run.
                condition.Tuners.Should().Contain(winner);
                continue;
            }
            // With trial budgets the largest is the runs' end, where the bench's own ranking ranks them too.
            winner.Should().Be(BenchmarkRanking.Rank(records)[0].Tuner, condition.Name);
        }
    }

    [Fact]
    public void Every_condition_runs_each_tuner_on_each_problem_and_seed_in_the_bench_format()
    {
        foreach (var condition in ReviewConditions.Quick)
        {
            var runs = Records(Path.Combine(quick.Folder, $"{condition.Name}.quick.jsonl")).GroupBy(BenchmarkRunId.Of).ToArray();
            runs.Select(r => r.Key).Should().BeEquivalentTo(
                from p in condition.Problems from t in condition.Tuners from s in new[] { 1, 2, 3 } select new BenchmarkRunId(p, t, s), condition.Name);
            var trials = condition.Budgets.Max();
            if (!condition.InFullBudgets)
                runs.Should().OnlyContain(r => r.Count() == trials, condition.Name);
        }
        Records(Path.Combine(quick.Folder, "noisy.quick.jsonl")).Should().OnlyContain(r => r.NoiselessLoss != null);
    }

    [Fact]
    public void The_plots_are_real_pictures_linked_from_the_readme()
    {
        var plots = Directory.GetFiles(Path.Combine(quick.Folder, "plots"), "*.png");
        plots.Length.Should().BeGreaterThanOrEqualTo(4);
        foreach (var kind in new[] { "_regret_", "_mean_rank", "_rank_test", "_propose_ms" })
            plots.Should().Contain(p => Path.GetFileName(p).Contains(kind), kind);
        foreach (var plot in plots)
        {
            quick.Readme.Should().Contain($"(plots/{Path.GetFileName(plot)})");
            using var bitmap = SKBitmap.Decode(plot);
            bitmap.Should().NotBeNull(plot);
            (bitmap.Width * bitmap.Height).Should().BeGreaterThan(0);
            Enumerable.Range(0, bitmap.Width / 4).Select(i => bitmap.GetPixel(i * 4, bitmap.Height / 2)).Distinct().Count()
                .Should().BeGreaterThan(1, $"{plot} is not a blank canvas");
        }
    }

    [Fact]
    public void The_readme_holds_the_tables_and_tests_of_every_budget()
    {
        var readme = quick.Readme;
        readme.Should().Contain("## The answer").And.Contain("How the hypothesis held up:");
        foreach (var condition in ReviewConditions.Quick)
            foreach (var budget in condition.Budgets)
                readme.Should().Contain($"### After {budget} {condition.BudgetUnit}");
        readme.Should().Contain("Friedman test: χ²(").And.Contain("| tuner | mean rank | 95 % interval | W+ / W− (pairs) | p | Holm p |");
        readme.Should().Contain("no other framework imported").And.Contain("- the quick variant: tiny budgets");
    }

    [Fact]
    public void Running_it_again_skips_the_complete_runs_and_leaves_the_files_as_they_were()
    {
        var files = Directory.GetFiles(quick.Folder, "*.jsonl").ToDictionary(f => f, File.ReadAllBytes);

        var again = CliRun.Of("review", "--quick", "--out", quick.Folder, "--threads", "2", "--conditions", "low_dim,nas");

        again.ExitCode.Should().Be(0, again.Stderr);
        again.Stderr.Should().Contain("review: low_dim: 30 run(s)").And.Contain("30 already in").And.Contain("running 0");
        foreach (var (file, bytes) in files) File.ReadAllBytes(file).Should().Equal(bytes, file);
    }

    [Fact]
    public void A_packed_trial_file_is_unpacked_and_its_complete_runs_are_kept()
    {
        using var temp = new TempDirectory();
        var original = Path.Combine(quick.Folder, "low_dim.quick.jsonl");
        using (var input = File.OpenRead(original))
        using (var packed = new System.IO.Compression.GZipStream(File.Create(temp.File("low_dim.quick.jsonl.gz")), System.IO.Compression.CompressionLevel.Optimal))
            input.CopyTo(packed);

        var run = CliRun.Of("review", "--quick", "--out", temp.Path, "--threads", "2", "--conditions", "low_dim");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().Contain("unpacking").And.Contain("30 already in").And.Contain("running 0");
        File.ReadAllBytes(temp.File("low_dim.quick.jsonl")).Should().Equal(File.ReadAllBytes(original));
        File.ReadAllText(temp.File("README.md")).Should().Contain("\n## low_dim\n");
    }

    [Fact]
    public void A_damaged_packed_trial_file_is_an_error_that_names_it()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("low_dim.quick.jsonl.gz"), "not gzip");

        var run = CliRun.Of("review", "--quick", "--out", temp.Path, "--threads", "2", "--conditions", "low_dim");

        run.ExitCode.Should().NotBe(0);
        run.Stderr.Should().Contain("cannot unpack").And.Contain("low_dim.quick.jsonl.gz");
        File.Exists(temp.File("low_dim.quick.jsonl")).Should().BeFalse();
    }

    [Fact]
    public void Unknown_conditions_and_bad_seeds_are_usage_errors()
    {
        CliRun.Of("review", "--quick", "--conditions", "nope").ExitCode.Should().Be(2);
        CliRun.Of("review", "--quick", "--seeds", "x").ExitCode.Should().Be(2);
    }
}
