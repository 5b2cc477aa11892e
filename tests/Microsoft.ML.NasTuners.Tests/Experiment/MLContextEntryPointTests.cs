using static Microsoft.ML.NasTuners.Tests.Experiment.ExperimentTestKit;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

public class MLContextEntryPointTests
{
    [Fact]
    public async Task An_experiment_created_from_MLContext_searches_a_small_space_and_reports_the_best_trial()
    {
        var result = await new MLContext(seed: 1).Nas().CreateExperiment()
            .SetSearchSpace(SmallSpace())
            .SetObjective((parameter, _, _) => Loss(parameter))
            .SetMaxTrials(30)
            .SetSeed(3)
            .RunAsync();

        result.StopReason.Should().Be(StopReason.MaxTrials);
        result.Trials.Select(t => t.TrialSettings.TrialId).Should().Equal(Enumerable.Range(0, 30));
        result.Trials.Should().OnlyContain(t => t.Status == TrialStatus.Succeeded);
        result.HasSucceededTrial.Should().BeTrue();
        result.BestLoss.Should().Be(result.Trials.Min(t => t.Loss));
        result.BestTrial!.Loss.Should().Be(Loss(result.BestTrial.TrialSettings.Parameter));
        result.EnsureSucceeded().Should().BeSameAs(result);
    }

    [Fact]
    public async Task Every_trial_is_stamped_with_its_start_end_and_duration()
    {
        var result = await NewExperiment().SetObjective((p, _, _) => Loss(p)).SetMaxTrials(5).RunAsync();

        result.Trials.Should().AllSatisfy(t =>
        {
            t.TrialSettings.StartedAtUtc.Should().NotBe(default);
            t.TrialSettings.EndedAtUtc.Should().NotBeNull().And.BeOnOrAfter(t.TrialSettings.StartedAtUtc);
            t.DurationInMilliseconds.Should().BeGreaterThanOrEqualTo(0);
        });
    }

    [Fact]
    public async Task The_summary_says_why_the_run_stopped_how_trials_ended_and_which_was_best()
    {
        var result = await NewExperiment().SetObjective((p, _, _) => Loss(p)).SetMaxTrials(6).RunAsync();

        result.Summary.Should().Contain("max trials reached")
            .And.Contain("6 Succeeded")
            .And.Contain($"Best: trial {result.BestTrial!.TrialSettings.TrialId}");
        result.ToString().Should().Be(result.Summary);
    }

    [Fact]
    public void Nas_needs_a_context() =>
        FluentActions.Invoking(() => MLContextExtensions.Nas(null!)).Should().Throw<ArgumentNullException>();
}
