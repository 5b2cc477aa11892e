using Microsoft.ML.NasTuners.Tuners;
using static Microsoft.ML.NasTuners.Tests.Experiment.ExperimentTestKit;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

/// <summary>The MLContext's seed reaches the tuner, and a tuner built on another space is stopped at its first
/// proposal with both spaces named.</summary>
public class SeedAndSpaceTests
{
    private static async Task<List<Parameter>> Proposals(NasExperiment experiment) =>
        (await experiment.SetSearchSpace(SmallSpace()).SetTuner((s, seed) => new RandomSearchTuner(s, seed))
            .SetObjective((p, _, _) => Loss(p)).SetMaxTrials(8).RunAsync())
        .Trials.Select(t => t.TrialSettings.Parameter).ToList();

    [Fact]
    public void The_seed_given_to_MLContext_is_read_back()
    {
        MLContextSeed.Of(new MLContext(seed: 7)).Should().Be(7);
        MLContextSeed.Of(new MLContext()).Should().BeNull();
    }

    [Fact]
    public async Task Without_SetSeed_the_tuner_gets_the_MLContext_seed()
    {
        var fromContext = await Proposals(new MLContext(seed: 7).Nas().CreateExperiment());

        fromContext.Should().Equal(await Proposals(new MLContext().Nas().CreateExperiment().SetSeed(7)));
        fromContext.Should().NotEqual(await Proposals(new MLContext(seed: 8).Nas().CreateExperiment()));
        (await Proposals(new MLContext(seed: 7).Nas().CreateExperiment().SetSeed(9)))
            .Should().Equal(await Proposals(new MLContext().Nas().CreateExperiment().SetSeed(9)), "SetSeed overrides the context's seed");
    }

    [Fact]
    public async Task A_context_without_a_seed_leaves_the_experiment_at_seed_0()
    {
        (await Proposals(new MLContext().Nas().CreateExperiment()))
            .Should().Equal(await Proposals(new MLContext().Nas().CreateExperiment().SetSeed(0)));
    }

    [Fact]
    public async Task A_tuner_built_on_another_space_stops_the_run_at_its_first_proposal_naming_both()
    {
        var other = new SearchSpace { ["lr"] = new UniformDoubleOption(1e-4, 1, logBase: true), ["layers"] = new UniformIntOption(1, 4) };
        var calls = 0;

        var result = await NewExperiment()
            .SetTuner(new TpeTuner(other))
            .SetObjective((p, _, _) => { calls++; return Loss(p); })
            .SetMaxTrials(5).RunAsync();

        calls.Should().Be(0, "no trial runs a point of the wrong space");
        result.StopReason.Should().Be(StopReason.Faulted);
        result.Fault!.ToString().Should().Contain("TpeTuner").And.Contain("keys: layers, lr").And.Contain("keys: depth, kind, x")
            .And.Contain("built on another space");
        result.Invoking(r => r.EnsureSucceeded()).Should().Throw<Exception>();
    }

    [Fact]
    public async Task A_tuner_instance_on_the_same_space_runs()
    {
        var result = await NewExperiment().SetTuner(new TpeTuner(SmallSpace())).SetObjective((p, _, _) => Loss(p)).SetMaxTrials(5).RunAsync();

        result.StopReason.Should().Be(StopReason.MaxTrials);
        result.Trials.Should().HaveCount(5);
    }
}
