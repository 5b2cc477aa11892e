using static Microsoft.ML.NasTuners.Tests.Experiment.ExperimentTestKit;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

public class ReproducibilityTests
{
    private static Task<ExperimentResult> Run(int seed) =>
        NewExperiment().SetSeed(seed).SetMaxTrials(15).SetObjective((p, _, _) => Loss(p)).RunAsync();

    private static IEnumerable<(string Parameter, double Loss)> Trace(ExperimentResult result) =>
        result.Trials.Select(t => (t.TrialSettings.Parameter.ToString(), t.Loss));

    [Fact]
    public async Task Two_runs_with_the_same_seed_give_identical_parameters_and_losses()
    {
        var first = await Run(seed: 7);
        var second = await Run(seed: 7);

        Trace(second).Should().Equal(Trace(first));
    }

    [Fact]
    public async Task A_different_seed_gives_different_proposals()
    {
        var first = await Run(seed: 7);
        var other = await Run(seed: 8);

        Trace(other).Should().NotEqual(Trace(first));
    }

    [Fact]
    public async Task The_seed_reaches_the_tuner_factory_and_each_run_gets_a_fresh_tuner()
    {
        var seeds = new List<int>();
        var experiment = NewExperiment()
            .SetSeed(42)
            .SetMaxTrials(5)
            .SetTuner((space, seed) =>
            {
                seeds.Add(seed);
                return new NasTuners.Tuners.RandomSearchTuner(space, seed);
            })
            .SetObjective((p, _, _) => Loss(p));

        var first = await experiment.RunAsync();
        var second = await experiment.RunAsync();

        seeds.Should().Equal(42, 42);
        Trace(second).Should().Equal(Trace(first));
    }
}
