using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Tests.Review;

public class OptunaScriptTests
{
    [OptunaFact]
    public void Its_records_are_in_the_bench_format_and_score_our_own_problems()
    {
        using var temp = new TempDirectory();
        var path = temp.File("optuna.jsonl");

        var (code, stderr) = OptunaScript.Run("--trials", "6", "--seeds", "1-2", "--out", path);

        code.Should().Be(0, stderr);
        var records = JsonlLines.Complete(path);
        records.GroupBy(BenchmarkRunId.Of).Select(g => g.Key).Should().BeEquivalentTo(
            from p in new[] { "branin", "hartmann6", "mixed3" } from s in new[] { 1, 2 } select new BenchmarkRunId(p, "optuna-tpe", s));
        foreach (var record in records)
        {
            // Same definitions and bounds: our problem accepts the point and gives the loss the script recorded.
            var problem = BenchmarkProblems.Create(record.Problem);
            problem.Evaluate(record.Parameter!).Should().BeApproximately(record.Loss!.Value, 1e-12, record.Problem);
            record.Regret.Should().BeApproximately(record.Best!.Value - problem.OptimalValue, 1e-12);
            record.SpentBudget.Should().Be(record.Trial + 1);
        }
    }
}
