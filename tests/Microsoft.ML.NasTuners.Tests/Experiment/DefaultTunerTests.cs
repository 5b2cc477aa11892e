using Microsoft.ML.NasTuners.Tuners;
using Microsoft.ML.NasTuners.Storage;
using static Microsoft.ML.NasTuners.Tests.Experiment.ExperimentTestKit;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

/// <summary>An experiment given no tuner runs the automatic one, and the trial records say what it chose.</summary>
public class DefaultTunerTests
{
    [Fact]
    public async Task Without_a_tuner_the_experiment_runs_auto_and_notes_its_choice_in_every_proposed_trial()
    {
        using var store = new InMemoryTrialStore();
        var logger = new ListLogger();

        var result = await NewExperiment().SetStudy("auto", store).SetLogger(logger)
            .SetObjective((p, _, _) => Loss(p)).SetMaxTrials(6).SetSeed(2).RunAsync();

        result.Trials.Should().HaveCount(6);
        store.GetTrials("auto").Select(t => t.Note).Should().AllBe("auto: gp-map (rule: few dimensions)");
        logger.Entries.Select(e => e.Message).Should().Contain("auto: gp-map (rule: few dimensions) from trial 0 (0 trials finished).");
    }

    [Fact]
    public async Task The_default_tuner_is_told_the_experiments_settings()
    {
        using var store = new InMemoryTrialStore();

        await NewExperiment().SetStudy("parallel", store).SetDegreeOfParallelism(AutoRules.GpMaxParallelism + 1).SetMaxTrials(3)
            .SetObjective((p, _, _) => Loss(p)).RunAsync();

        store.GetTrials("parallel").Select(t => t.Note).Should().AllBe("auto: tpe-mv (rule: many parallel workers)");
    }

    [Fact]
    public async Task Whole_number_budget_bounds_give_whole_budgets_when_auto_runs_bohb()
    {
        var result = await new MLContext(seed: 1).Nas().CreateExperiment().SetSearchSpace(Tuners.Auto.AutoSpaces.Continuous(Microsoft.ML.NasTuners.Tuners.AutoRules.GpMaxDimensions + 1))
            .SetBudget(1, 27).SetMaxTrials(12).SetObjective((p, _, _) => Tuners.Auto.AutoSpaces.Loss(p)).RunAsync();

        result.Trials.Select(t => t.TrialSettings.Budget!.Value).Should().OnlyContain(b => b == Math.Round(b))
            .And.Contain(b => b < 27, "BOHB starts its brackets below the full budget");
    }

    [Fact]
    public async Task A_given_trial_keeps_its_note()
    {
        using var store = new InMemoryTrialStore();

        await NewExperiment().SetStudy("given", store).SetEvaluateDefaultsFirst().SetMaxTrials(2)
            .SetObjective((p, _, _) => Loss(p)).RunAsync();

        store.GetTrials("given").Select(t => t.Note).Should().Equal("given", "auto: gp-map (rule: few dimensions)");
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_run_with_the_default_tuner()
    {
        async Task<List<Parameter>> Proposals() => (await NewExperiment().SetObjective((p, _, _) => Loss(p))
            .SetMaxTrials(12).SetSeed(5).RunAsync()).Trials.Select(t => t.TrialSettings.Parameter).ToList();

        (await Proposals()).Should().Equal(await Proposals());
    }
}
