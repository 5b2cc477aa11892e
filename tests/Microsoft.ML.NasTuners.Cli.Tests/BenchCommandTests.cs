using System.Text.Json;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Tests;

public class BenchCommandTests
{
    private static readonly string[] RequiredFields =
        ["problem", "tuner", "seed", "trial", "budget", "configId", "spentBudget", "loss", "best", "regret", "proposeMs", "evalMs", "status"];

    [Fact]
    public void List_names_every_problem_with_its_dimension_and_every_tuner()
    {
        var run = CliRun.Of("bench", "--list");

        run.ExitCode.Should().Be(0);
        var lines = run.Stdout.Split('\n');
        foreach (var name in BenchmarkProblems.Names.Where(n => BenchmarkProblems.MissingData(n) is null))
        {
            var problem = BenchmarkProblems.Create(name);
            lines.Should().Contain(l => l.StartsWith($"| {name} ") && l.Contains($"| {problem.SearchSpace.ModelView.Count} "));
            (problem as IDisposable)?.Dispose();
        }
        lines.Should().Contain(l => l.StartsWith("| mixed3 ") && l.Contains("| 9 "));
        lines.Should().Contain(l => l.StartsWith("| mf_hartmann6 ") && l.Contains("1-81"));
        lines.Should().Contain(l => l.StartsWith("| counting_ones ") && l.Contains("9-729") && l.Contains("| 16 "));
        if (BenchmarkProblems.MissingData("yahpo_lcbench") is null)
            lines.Should().Contain(l => l.StartsWith("| yahpo_lcbench ") && l.Contains("1-52") && l.Contains("| 7 "));
        lines.Should().Contain(l => l.StartsWith("| hyperband ")).And.Contain(l => l.StartsWith("| asha ")).And.Contain(l => l.StartsWith("| bohb "));
        lines.Should().Contain(l => l.StartsWith("| random "));
        run.Stdout.Should().NotContain("\u001b[", "redirected output carries no escape codes");
    }

    [Fact]
    public void Small_benchmark_writes_jsonl_and_prints_the_summary()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nas-tuners-cli-{Guid.NewGuid():N}.jsonl");
        try
        {
            var run = CliRun.Of("bench", "--problem", "branin,mixed3", "--tuner", "random", "--trials", "20", "--seeds", "1-3", "--out", path);

            run.ExitCode.Should().Be(0, run.Stderr);
            var lines = File.ReadAllLines(path);
            lines.Should().HaveCount(2 * 3 * 20);
            var keys = new List<(string, int, int)>();
            foreach (var line in lines)
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                root.EnumerateObject().Select(p => p.Name).Should().Contain(RequiredFields);
                root.GetProperty("tuner").GetString().Should().Be("random");
                root.GetProperty("status").GetString().Should().Be("succeeded");
                root.GetProperty("regret").GetDouble().Should().BeGreaterThanOrEqualTo(0);
                keys.Add((root.GetProperty("problem").GetString()!, root.GetProperty("seed").GetInt32(), root.GetProperty("trial").GetInt32()));
            }
            keys.Distinct().Should().HaveCount(120);
            // Written as trials end: runs on different threads interleave, each run's trials in trial order.
            foreach (var trials in keys.GroupBy(k => (k.Item1, k.Item2)))
                trials.Select(k => k.Item3).Should().Equal(Enumerable.Range(0, 20));

            var table = run.Stdout.Split('\n');
            table[0].Should().ContainAll("problem", "tuner", "seeds", "median regret", "q25 regret", "q75 regret", "mean propose ms");
            table.Should().Contain(l => l.StartsWith("| branin ") && l.Contains("| random ") && l.Contains("|     3 |"));
            table.Should().Contain(l => l.StartsWith("| mixed3 ") && l.Contains("| random "));
            run.Stderr.Should().Contain("100%").And.Contain($"wrote 120 records to {path}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_budget_limit_runs_each_tuner_for_that_many_full_budgets_and_reports_regret_at_checkpoints()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nas-tuners-cli-{Guid.NewGuid():N}.jsonl");
        try
        {
            var run = CliRun.Of("bench", "-p", "mf_hartmann6", "-t", "random,hyperband,bohb", "-s", "1-2", "--budget-limit", "12", "--out", path);

            run.ExitCode.Should().Be(0, run.Stderr);
            run.Stderr.Should().Contain("run(s) of 12 full budgets");
            var byRun = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement)
                .GroupBy(e => (e.GetProperty("tuner").GetString(), e.GetProperty("seed").GetInt32())).ToArray();
            byRun.Should().HaveCount(6);
            foreach (var records in byRun)
            {
                var spent = records.Select(e => e.GetProperty("spentBudget").GetDouble()).ToArray();
                spent.Should().BeInAscendingOrder();
                spent[^1].Should().BeGreaterThanOrEqualTo(12 * 81);
                spent[^2].Should().BeLessThan(12 * 81);
            }
            byRun.Where(g => g.Key.Item1 == "random").Should().OnlyContain(g => g.Count() == 12);
            byRun.Where(g => g.Key.Item1 == "hyperband").Should().OnlyContain(g => g.Count() > 12);

            var table = run.Stdout.Split('\n');
            table[0].Should().ContainAll("full budgets", "regret@10", "regret@25", "regret@50", "regret@100");
            var bohb = table.Single(l => l.StartsWith("| mf_hartmann6 ") && l.Contains("| bohb "));
            var cells = bohb.Split('|').Select(c => c.Trim()).ToArray();
            cells[^5].Should().NotBe("n/a", "every seed spent 10 full budgets");
            cells[^4].Should().Be("n/a", "no seed spent 25");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("NaN")]
    public void A_budget_limit_must_be_positive(string value)
    {
        var run = CliRun.Of("bench", "--problem", "branin", "--tuner", "random", "--budget-limit", value);
        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--budget-limit must be");
    }

    [Fact]
    public void Without_out_no_file_is_written_and_results_repeat()
    {
        var first = CliRun.Of("bench", "-p", "hartmann3", "-t", "random", "-n", "15", "-s", "4,9", "--parallel", "3", "--threads", "1");
        var second = CliRun.Of("bench", "-p", "hartmann3", "-t", "random", "-n", "15", "-s", "4,9", "--parallel", "3", "--threads", "2");
        first.ExitCode.Should().Be(0);
        first.Stderr.Should().NotContain("wrote");
        static string Regrets(string stdout) => string.Join('\n', stdout.Split('\n').Select(l => l.Split('|')).Where(c => c.Length > 6).Select(c => string.Join('|', c[1..7])));
        Regrets(second.Stdout).Should().Be(Regrets(first.Stdout));
    }

    [Fact]
    public void Unknown_tuner_exits_2_listing_the_valid_tuners()
    {
        var run = CliRun.Of("bench", "--problem", "branin", "--tuner", "nonesuch", "--seeds", "1");
        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("Unknown tuner 'nonesuch'").And.Contain("Valid tuners: " + string.Join(", ", BenchmarkTuners.CreateRegistry().Names));
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public void Unknown_problem_exits_2_listing_the_valid_problems()
    {
        var run = CliRun.Of("bench", "--problem", "branin,bronin", "--tuner", "random");
        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("Unknown problem 'bronin'").And.Contain(string.Join(", ", BenchmarkProblems.Names));
    }

    [Theory]
    [InlineData("5-1", "'5-1'")]
    [InlineData("1,,3", "empty")]
    [InlineData("x", "'x'")]
    [InlineData("-3", "'-3'")]
    [InlineData("1-", "'1-'")]
    public void Bad_seeds_exit_2_with_a_message(string seeds, string expected)
    {
        var run = CliRun.Of("bench", "--problem", "branin", "--tuner", "random", "--seeds", seeds);
        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("error: --seeds:").And.Contain(expected);
    }

    [Theory]
    [InlineData("--trials", "0")]
    [InlineData("--trials", "-5")]
    [InlineData("--parallel", "0")]
    [InlineData("--threads", "0")]
    public void Counts_below_one_exit_2(string option, string value)
    {
        var run = CliRun.Of("bench", "--problem", "branin", "--tuner", "random", option, value);
        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain($"{option} must be at least 1");
    }

    [Theory]
    [InlineData("bench", "--trials", "abc")]
    [InlineData("bench", "--no-such-option")]
    [InlineData("frobnicate")]
    [InlineData]
    public void Unparsable_command_lines_exit_2_without_a_stack_trace(params string[] args)
    {
        var run = CliRun.Of(args);
        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("error: ").And.NotContain("   at ");
    }

    [Fact]
    public void An_architecture_tuner_on_a_plain_function_exits_2_saying_what_it_needs()
    {
        var run = CliRun.Of("bench", "--problem", "branin", "--tuner", "ssk-gp");
        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("error: ").And.Contain("'ssk-gp' needs an architecture problem");
    }

    [Fact]
    public void Missing_problem_exits_2()
    {
        var run = CliRun.Of("bench", "--tuner", "random");
        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("Missing --problem").And.Contain("branin");
    }

    [Fact]
    public void All_expands_to_every_name()
    {
        var run = CliRun.Of("bench", "--problem", "all", "--tuner", "all", "--trials", "2", "--seeds", "1");
        run.ExitCode.Should().Be(0, run.Stderr);
        foreach (var name in BenchmarkProblems.Names.Where(n => BenchmarkProblems.MissingData(n) is null))
            run.Stdout.Should().Contain($"| {name} ");
        run.Stdout.Should().Contain("Ranking:", "several tuners ran, so the ranking follows the summary");
    }

    [Fact]
    public void A_failing_tuner_exits_1_with_its_message_and_no_stack_trace()
    {
        var registry = BenchmarkTuners.CreateRegistry().Add("broken", "throws", (_, _, _, _) => new BrokenTuner());
        var run = CliRun.With(registry, "bench", "--problem", "branin", "--tuner", "broken", "--seeds", "1");
        run.ExitCode.Should().Be(1);
        run.Stderr.Should().Contain("Tuner 'broken' failed to propose").And.Contain("out of ideas").And.NotContain("   at ");
    }

    [Fact]
    public void Help_documents_the_options_and_the_default_output()
    {
        var run = CliRun.Of("bench", "--help");
        run.ExitCode.Should().Be(0);
        run.Stdout.Should().ContainAll("--problem", "--tuner", "--trials", "--seeds", "--parallel", "--out", "--list", "Default: no file",
            "--budget-limit", "--no-continuation", "--yahpo-task", "--resume");
    }

    private sealed class BrokenTuner : ITuner
    {
        public Parameter Propose(TrialSettings settings) => throw new InvalidOperationException("out of ideas");
        public void Update(TrialResult result) { }
    }
}
