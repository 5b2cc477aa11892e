using System.Text.Json;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

/// <summary>
/// A benchmark baseline: written once from real runs, it reads back unchanged, a fresh run of its plan reproduces it,
/// and any change to a proposal, loss, status or budget names the run and the first trial that moved.
/// </summary>
public sealed class BenchmarkBaselineTests : IClassFixture<BenchmarkBaselineTests.RecordedRuns>, IDisposable
{
    /// <summary>Runs the plans once for all tests: the runs are the slow part, and tests only read the records.</summary>
    public sealed class RecordedRuns
    {
        public static readonly BenchmarkPlan SingleFidelityPlan = new()
        {
            Problems = ["branin", "mixed3"],
            Tuners = ["random", "tpe"],
            Seeds = [1, 2],
            Trials = 15,
        };

        // Hyperband promotes configurations to higher budgets, so budgets and the budget limit end up in the baseline.
        public static readonly BenchmarkPlan BudgetedPlan = new()
        {
            Problems = ["mf_hartmann6"],
            Tuners = ["hyperband"],
            Seeds = [1],
            Trials = 1000,
            BudgetLimit = 3,
        };

        public IReadOnlyList<TrialRecord> SingleFidelity { get; } = new BenchmarkRunner().Run(SingleFidelityPlan);

        public IReadOnlyList<TrialRecord> Budgeted { get; } = new BenchmarkRunner().Run(BudgetedPlan);
    }

    private readonly RecordedRuns _runs;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"nas-tuners-baseline-{Guid.NewGuid():N}");

    public BenchmarkBaselineTests(RecordedRuns runs)
    {
        _runs = runs;
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WrittenAndReadBack(BenchmarkPlan plan, IEnumerable<TrialRecord> records, out BenchmarkBaseline baseline)
    {
        var path = Path.Combine(_directory, $"baseline-{Guid.NewGuid():N}.json");
        BenchmarkBaseline.FromRecords(plan, records).Write(path);
        baseline = BenchmarkBaseline.Read(path);
        return path;
    }

    private BenchmarkBaseline SingleFidelityBaseline()
    {
        WrittenAndReadBack(RecordedRuns.SingleFidelityPlan, _runs.SingleFidelity, out var baseline);
        return baseline;
    }

    private static bool InRun(TrialRecord record, string problem, string tuner, int seed) =>
        record.Problem == problem && record.Tuner == tuner && record.Seed == seed;

    private static IReadOnlyList<TrialRecord> Changing(IEnumerable<TrialRecord> records, string problem, string tuner, int seed,
        int trial, Func<TrialRecord, TrialRecord> change) =>
        records.Select(r => InRun(r, problem, tuner, seed) && r.Trial == trial ? change(r) : r).ToArray();

    [Fact]
    public void A_baseline_written_and_read_back_matches_the_records_it_was_made_from()
    {
        foreach (var (plan, records) in new[] { (RecordedRuns.SingleFidelityPlan, _runs.SingleFidelity), (RecordedRuns.BudgetedPlan, _runs.Budgeted) })
        {
            WrittenAndReadBack(plan, records, out var baseline);

            baseline.Compare(records).Should().BeEmpty();
            baseline.Plan.Should().BeEquivalentTo(plan, o => o.Excluding(p => p.MaxDegreeOfParallelism));
            baseline.Runs.Should().BeEquivalentTo(BenchmarkBaseline.FromRecords(plan, records).Runs, o => o.WithStrictOrdering());
        }
    }

    [Fact]
    public void The_budgeted_baseline_keeps_each_trials_budget_in_its_fingerprint()
    {
        WrittenAndReadBack(RecordedRuns.BudgetedPlan, _runs.Budgeted, out var baseline);

        var trials = baseline.Runs.Should().ContainSingle().Which.Trials;
        trials.Should().HaveCount(_runs.Budgeted.Count);
        trials.Select(t => t.Budget).Distinct().Should().HaveCountGreaterThan(1, "hyperband promotes configurations");
        trials.Should().OnlyContain(t => t.Fingerprint.EndsWith($"@{t.Budget}"));
    }

    [Fact]
    public void The_file_is_a_header_then_one_line_per_run_so_a_diff_names_the_runs_that_changed()
    {
        var path = WrittenAndReadBack(RecordedRuns.SingleFidelityPlan, _runs.SingleFidelity, out var baseline);
        var lines = File.ReadAllLines(path);

        using (JsonDocument.Parse(File.ReadAllText(path))) { }
        lines.Take(4).Should().Equal(
            "{",
            "  \"format\": 1,",
            "  \"plan\": {\"problems\":[\"branin\",\"mixed3\"],\"tuners\":[\"random\",\"tpe\"],\"seeds\":[1,2],\"trials\":15,\"parallel\":1,"
            + "\"budgetLimit\":null,\"countContinuation\":true,\"yahpoTask\":\"3945\"},",
            "  \"runs\": [");
        var runLines = lines.Skip(4).SkipLast(2).ToArray();
        runLines.Should().HaveCount(8);
        runLines.Zip(baseline.Runs).Should().OnlyContain(pair =>
            pair.First.StartsWith($"    {{\"problem\":\"{pair.Second.Problem}\",\"tuner\":\"{pair.Second.Tuner}\",\"seed\":{pair.Second.Seed},\"trials\":["));
        lines.TakeLast(2).Should().Equal("  ]", "}");
    }

    [Fact]
    public void A_fresh_run_of_the_same_plan_reproduces_the_baseline_because_proposals_are_deterministic()
    {
        var runner = new BenchmarkRunner();
        foreach (var (plan, records) in new[] { (RecordedRuns.SingleFidelityPlan, _runs.SingleFidelity), (RecordedRuns.BudgetedPlan, _runs.Budgeted) })
        {
            WrittenAndReadBack(plan, records, out var baseline);

            var rerun = runner.Run(baseline.Plan with { MaxDegreeOfParallelism = 1 });

            baseline.Compare(rerun).Should().BeEmpty();
        }
    }

    [Fact]
    public void Another_seeds_records_move_the_run_from_its_first_trial()
    {
        var baseline = SingleFidelityBaseline();
        var seedTwoAsSeedOne = _runs.SingleFidelity.Where(r => InRun(r, "branin", "tpe", 2)).Select(r => r with { Seed = 1 });
        var rerun = _runs.SingleFidelity.Where(r => !InRun(r, "branin", "tpe", 1)).Concat(seedTwoAsSeedOne);

        var difference = baseline.Compare(rerun).Should().ContainSingle().Which;

        (difference.Problem, difference.Tuner, difference.Seed, difference.Trial).Should().Be(("branin", "tpe", 1, 0));
        difference.ToString().Should().StartWith("branin / tpe / seed 1: moved at trial 0 (loss ").And.Contain(", parameter ");
    }

    [Fact]
    public void A_loss_one_ulp_off_moves_the_run_at_that_trial_and_shows_both_losses_in_full()
    {
        var baseline = SingleFidelityBaseline();
        var original = _runs.SingleFidelity.Single(r => InRun(r, "mixed3", "random", 2) && r.Trial == 7).Loss!.Value;
        var nudged = Math.BitIncrement(original);
        var rerun = Changing(_runs.SingleFidelity, "mixed3", "random", 2, trial: 7, r => r with { Loss = nudged });

        var difference = baseline.Compare(rerun).Should().ContainSingle().Which;

        (difference.Problem, difference.Tuner, difference.Seed, difference.Trial).Should().Be(("mixed3", "random", 2, 7));
        difference.ToString().Should().Be($"mixed3 / random / seed 2: moved at trial 7 (loss {original:R} -> {nudged:R})");
    }

    [Fact]
    public void A_changed_parameter_moves_the_run_at_that_trial_and_shows_both_fingerprints()
    {
        var baseline = SingleFidelityBaseline();
        var rerun = Changing(_runs.SingleFidelity, "branin", "random", 1, trial: 9, r =>
        {
            var moved = Parameter.Parse(r.Parameter!.ToString());
            var key = moved.Keys.First();
            moved[key] = Parameter.FromDouble(Math.BitIncrement(moved[key].AsDouble()));
            return r with { Parameter = moved };
        });

        var difference = baseline.Compare(rerun).Should().ContainSingle().Which;

        (difference.Problem, difference.Tuner, difference.Seed, difference.Trial).Should().Be(("branin", "random", 1, 9));
        difference.ToString().Should().MatchRegex(@"^branin / random / seed 1: moved at trial 9 \(parameter [0-9a-f]{16} -> [0-9a-f]{16}\)$");
    }

    [Fact]
    public void A_trial_run_at_another_budget_or_ending_otherwise_moves_the_run_at_that_trial()
    {
        WrittenAndReadBack(RecordedRuns.BudgetedPlan, _runs.Budgeted, out var baseline);
        var promoted = _runs.Budgeted.First(r => r.Budget < 81);
        var atFullBudget = Changing(_runs.Budgeted, "mf_hartmann6", "hyperband", 1, promoted.Trial, r => r with { Budget = 81 });
        var failed = Changing(_runs.Budgeted, "mf_hartmann6", "hyperband", 1, trial: 5, r => r with { Status = TrialStatus.Failed, Loss = null });

        baseline.Compare(atFullBudget).Should().ContainSingle().Which.ToString().Should()
            .Be($"mf_hartmann6 / hyperband / seed 1: moved at trial {promoted.Trial} (parameter {Fingerprint(promoted, promoted.Budget)} "
                + $"-> {Fingerprint(promoted, 81)}, budget {promoted.Budget} -> 81)");
        baseline.Compare(failed).Should().ContainSingle().Which.ToString().Should()
            .MatchRegex(@"^mf_hartmann6 / hyperband / seed 1: moved at trial 5 \(loss \S+ -> none, status succeeded -> failed\)$");
    }

    private static string Fingerprint(TrialRecord record, double? budget) => BaselineTrial.FingerprintOf(record.Parameter, budget);

    [Fact]
    public void A_run_that_ends_early_or_goes_on_moves_at_the_trial_where_one_side_ends()
    {
        var baseline = SingleFidelityBaseline();
        var shorter = _runs.SingleFidelity.Where(r => !(InRun(r, "mixed3", "tpe", 2) && r.Trial == 14));
        var longer = _runs.SingleFidelity.Append(_runs.SingleFidelity.Single(r => InRun(r, "mixed3", "tpe", 2) && r.Trial == 14) with { Trial = 15 });

        baseline.Compare(shorter).Should().ContainSingle().Which.ToString().Should()
            .Be("mixed3 / tpe / seed 2: moved at trial 14 (baseline has 15 trials, re-run has 14 trials)");
        baseline.Compare(longer).Should().ContainSingle().Which.ToString().Should()
            .Be("mixed3 / tpe / seed 2: moved at trial 15 (baseline has 15 trials, re-run has 16 trials)");
    }

    [Fact]
    public void A_run_missing_from_the_rerun_and_a_run_the_baseline_lacks_are_both_reported()
    {
        var baseline = SingleFidelityBaseline();
        var extraSeed = _runs.SingleFidelity.Where(r => InRun(r, "branin", "random", 1)).Select(r => r with { Seed = 3 });
        var rerun = _runs.SingleFidelity.Where(r => !InRun(r, "mixed3", "tpe", 1)).Concat(extraSeed);

        baseline.Compare(rerun).Select(d => d.ToString()).Should().Equal(
            "branin / random / seed 3: in the re-run (15 trials) but not in the baseline",
            "mixed3 / tpe / seed 1: in the baseline (15 trials) but not in the re-run");
    }

    [Fact]
    public void Records_the_plan_does_not_run_or_with_a_gap_in_their_trials_are_refused_rather_than_compared()
    {
        var oneSeed = RecordedRuns.SingleFidelityPlan with { Seeds = [1] };
        var withGap = _runs.SingleFidelity.Where(r => !(InRun(r, "branin", "tpe", 1) && r.Trial == 3));

        FluentActions.Invoking(() => BenchmarkBaseline.FromRecords(oneSeed, _runs.SingleFidelity)).Should().Throw<ArgumentException>()
            .WithMessage("The records hold branin / random / seed 2, which the plan does not run.*");
        FluentActions.Invoking(() => SingleFidelityBaseline().Compare(withGap)).Should().Throw<ArgumentException>()
            .WithMessage("The records of branin / tpe / seed 1 do not number their trials 0 to 13: trial 3 is missing.*");
    }

    [Theory]
    [InlineData("\"format\": 1,", "\"format\": 2,", "*, format: format 2 is not supported; this version reads format 1.")]
    [InlineData("\"status\":\"succeeded\",", "", "*, runs[0].trials[0].status: the field is missing.")]
    [InlineData("\"seeds\":[1,2]", "\"seeds\":[1,\"2\"]", "*, plan.seeds[1]: expected a 32-bit integer, found \"2\".")]
    [InlineData("\"status\":\"succeeded\"", "\"status\":\"fine\"", "*, runs[0].trials[0].status: 'fine' is not a trial status (running, succeeded, *).")]
    [InlineData("\"runs\": [", "\"runs\": ", "* is not JSON: *")]
    public void A_damaged_file_is_rejected_naming_the_file_and_what_is_wrong(string intact, string damaged, string message)
    {
        var path = WrittenAndReadBack(RecordedRuns.SingleFidelityPlan, _runs.SingleFidelity, out _);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(intact, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0);
        File.WriteAllText(path, text[..at] + damaged + text[(at + intact.Length)..]);

        FluentActions.Invoking(() => BenchmarkBaseline.Read(path)).Should().Throw<InvalidDataException>()
            .WithMessage(message).Which.Message.Should().StartWith($"Benchmark baseline '{path}'");
    }

    [Fact]
    public void A_file_that_is_not_json_at_all_is_rejected_naming_the_file()
    {
        var path = Path.Combine(_directory, "notes.json");
        File.WriteAllText(path, "branin / tpe / seed 1 looked fine\n");

        FluentActions.Invoking(() => BenchmarkBaseline.Read(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"Benchmark baseline '{path}' is not JSON: *");
    }
}
