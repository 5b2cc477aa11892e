namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

/// <summary>The benchmark runs the experiment loop users run, so a trial means the same in both.</summary>
public class BenchmarkRunsTheExperimentLoopTests
{
    /// <summary>Branin, except that every third trial's loss is NaN and every fifth throws.</summary>
    private sealed class FlakyBranin : IBenchmarkProblem
    {
        private readonly BraninProblem _inner = new();
        private int _calls;

        public string Name => "flaky_branin";
        public string Description => "branin with NaN and exceptions";
        public SearchSpace SearchSpace => _inner.SearchSpace;
        public double OptimalValue => _inner.OptimalValue;
        public double? MinBudget => null;
        public double? MaxBudget => null;

        public double Evaluate(Parameter parameter, double? budget = null)
        {
            var call = ++_calls;
            if (call % 5 == 0) throw new InvalidOperationException($"solver diverged at call {call}");
            return call % 3 == 0 ? double.NaN : _inner.Evaluate(parameter, budget);
        }
    }

    [Fact]
    public void A_NaN_loss_is_a_failed_trial_as_in_an_experiment_and_an_exception_keeps_its_message()
    {
        var problem = new FlakyBranin();
        var tuner = new Tuners.TpeTuner(problem.SearchSpace, null, 1);

        var records = BenchmarkRunner.RunOne(problem, "tpe", tuner, seed: 1, trials: 15);

        records.Select(r => r.Trial).Should().Equal(Enumerable.Range(0, 15));
        records.Where(r => (r.Trial + 1) % 5 == 0).Should().OnlyContain(r => r.Status == TrialStatus.Failed && r.Error!.StartsWith("InvalidOperationException: solver diverged"));
        records.Where(r => (r.Trial + 1) % 3 == 0 && (r.Trial + 1) % 5 != 0)
            .Should().OnlyContain(r => r.Status == TrialStatus.Failed && r.Error == "loss was NaN" && r.Loss == null);
        records.Where(r => r.Status == TrialStatus.Succeeded).Should().OnlyContain(r => r.Loss != null);
    }

    [Fact]
    public void Simulated_workers_keep_the_given_number_of_trials_pending_and_record_the_oldest_first()
    {
        var problem = new BraninProblem();
        var records = BenchmarkRunner.RunOne(problem, "random", new Tuners.RandomSearchTuner(problem.SearchSpace, 2), seed: 2, trials: 12, parallel: 4);

        records.Select(r => r.Trial).Should().Equal(Enumerable.Range(0, 12), "the oldest pending trial always ends first");
    }
}
