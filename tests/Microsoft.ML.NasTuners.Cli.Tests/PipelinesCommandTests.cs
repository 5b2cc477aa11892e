namespace Microsoft.ML.NasTuners.Cli.Tests;

public class PipelinesCommandTests
{
    [Theory]
    [InlineData("--data", "iris")]
    [InlineData("--method", "grid")]
    [InlineData("--seeds", "one")]
    [InlineData("--time-limit", "0")]
    [InlineData("--time-limit", "30,x")]
    [InlineData("--max-trials", "0")]
    [InlineData("--fidelity-check", "2")]
    [InlineData("--ensemble-size", "0")]
    [InlineData("--ensemble-size", "11")]
    public void Bad_input_is_a_usage_error_that_says_what_is_wrong(string option, string value)
    {
        var run = CliRun.Of("pipelines", option, value);

        run.ExitCode.Should().Be(ExitCodes.Usage);
        run.Stderr.Should().StartWith("error: ");
    }

    [DataFact("tabular")]
    public void A_tiny_run_writes_one_row_per_data_set_and_method_to_stdout_and_the_file()
    {
        var output = Path.Combine(Path.GetTempPath(), $"pipelines-{Guid.NewGuid():N}.md");
        try
        {
            var run = CliRun.Of("pipelines", "--data", "wine", "--method", "random,mlnet-defaults", "--seeds", "1",
                "--max-trials", "2", "--time-limit", "60", "--out", output);

            run.ExitCode.Should().Be(0, run.Stderr);
            var rows = run.Stdout.Split('\n').Where(l => l.StartsWith("| wine ")).ToArray();
            rows.Should().HaveCount(2);
            rows.Should().Contain(r => r.StartsWith("| wine | MulticlassClassification | MicroAccuracy | random |"));
            rows.Should().Contain(r => r.StartsWith("| wine | MulticlassClassification | MicroAccuracy | mlnet-defaults |"));
            File.ReadAllText(output).Should().Be(run.Stdout);
            run.Stderr.Should().Contain("pipelines: wine seed 1 random 60 s: test MicroAccuracy");
            run.Stdout.Should().MatchRegex(@"random beats mlnet-defaults \(test mean\) on [01] of 1 sets");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [DataFact("tabular")]
    public void The_trials_file_has_a_json_line_per_trial_of_every_search_with_its_fold_losses_and_the_model_marked()
    {
        var trials = Path.Combine(Path.GetTempPath(), $"pipelines-trials-{Guid.NewGuid():N}.jsonl");
        try
        {
            var run = CliRun.Of("pipelines", "--data", "wine", "--method", "random,mlnet-defaults", "--seeds", "1",
                "--max-trials", "3", "--time-limit", "60", "--ensemble-size", "1", "--trials", trials);

            run.ExitCode.Should().Be(0, run.Stderr);
            var lines = File.ReadAllLines(trials).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToArray();
            lines.Where(l => l.GetProperty("method").GetString() == "random").Should().HaveCount(3);
            lines.Where(l => l.GetProperty("method").GetString() == "mlnet-defaults").Should().HaveCount(5, "one trial per multiclass trainer");
            lines.Should().OnlyContain(l => l.GetProperty("data").GetString() == "wine" && l.GetProperty("seed").GetInt32() == 1);
            var succeeded = lines.Where(l => l.GetProperty("status").GetString() == "Succeeded").ToArray();
            succeeded.Should().NotBeEmpty().And.OnlyContain(l => l.GetProperty("fold_losses").GetArrayLength() == 5, "wine is cross-validated in 5 folds");
            succeeded.Should().OnlyContain(l => Math.Abs(l.GetProperty("fold_losses").EnumerateArray().Average(f => f.GetDouble()) - l.GetProperty("loss").GetDouble()) < 1e-9);
            lines.Where(l => l.GetProperty("model").GetBoolean()).Should().HaveCount(2, "each search's model is one trial's");
        }
        finally
        {
            File.Delete(trials);
        }
    }

    [DataFact("tabular")]
    public void An_ensemble_size_of_1_keeps_the_best_trial_and_the_best_trial_method_names_its_trainer()
    {
        var run = CliRun.Of("pipelines", "--data", "breast_cancer", "--method", "auto-best-trial,auto", "--seeds", "1",
            "--max-trials", "8", "--time-limit", "60", "--ensemble-size", "1");

        run.ExitCode.Should().Be(0, run.Stderr);
        var rows = run.Stdout.Split('\n').Where(l => l.StartsWith("| breast_cancer ")).ToArray();
        rows.Should().HaveCount(2).And.OnlyContain(r => !r.Contains("ensemble of"), "--ensemble-size 1 applies to every searching method");
        rows[0].Split('|')[5].Should().Be(rows[1].Split('|')[5], "auto with an ensemble size of 1 is auto-best-trial: the same test metric");
    }

    [DataFact("tabular")]
    public void Several_time_limits_give_a_table_each_with_ML_NET_s_defaults_run_once()
    {
        var run = CliRun.Of("pipelines", "--data", "wine", "--method", "auto,mlnet-defaults", "--seeds", "1",
            "--max-trials", "2", "--time-limit", "60,90", "--no-defaults-first");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("### Time limit 60 s").And.Contain("### Time limit 90 s");
        run.Stdout.Split('\n').Where(l => l.StartsWith("| wine ")).Should().HaveCount(4, "two methods in each of two tables");
        run.Stderr.Split('\n').Where(l => l.Contains(" mlnet-defaults: ")).Should().HaveCount(1, "the defaults do not depend on the limit");
        run.Stderr.Should().Contain("pipelines: wine seed 1 auto 60 s:").And.Contain("pipelines: wine seed 1 auto 90 s:");
    }

    [DataFact("tabular")]
    public void A_fidelity_check_trains_each_configuration_at_every_budget_and_ranks_the_lower_ones_against_the_full_one()
    {
        var run = CliRun.Of("pipelines", "--data", "wine", "--seeds", "2", "--fidelity-check", "3");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("#### wine, seed 2: 3 configurations at budgets 1, 3, 9 (MicroAccuracy as a loss)");
        var rows = run.Stdout.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\| [0-2] \| ")).ToArray();
        rows.Should().HaveCount(3, "one row per configuration");
        // Each row: three losses and three times, one per budget.
        rows.Should().OnlyContain(r => r.Split('|', StringSplitOptions.RemoveEmptyEntries).Length == 8);
        run.Stdout.Should().MatchRegex(@"budget 1: Spearman -?[0-9.]+ with the full budget, its best configuration ranked [1-3] of 3|Too few configurations");
        run.Stderr.Should().Contain("pipelines: wine seed 2: fidelity check of 3 configurations done");
    }
}
