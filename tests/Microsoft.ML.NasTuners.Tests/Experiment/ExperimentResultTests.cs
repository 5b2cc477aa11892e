using static Microsoft.ML.NasTuners.Tests.Experiment.ExperimentTestKit;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

public class ExperimentResultTests
{
    [Fact]
    public async Task When_no_trial_succeeds_there_is_no_best_and_EnsureSucceeded_throws_listing_the_errors()
    {
        var result = await NewExperiment()
            .SetMaxTrials(8)
            .SetObjective((_, trial, _) => trial.TrialId == 1 ? double.NaN : throw new FormatException($"bad data in trial {trial.TrialId}"))
            .RunAsync();

        result.BestTrial.Should().BeNull();
        result.BestLoss.Should().Be(double.NaN);
        result.HasSucceededTrial.Should().BeFalse();
        result.CountOf(TrialStatus.Failed).Should().Be(8);
        result.Summary.Should().Contain("No trial succeeded").And.Contain("bad data in trial 0");

        var thrown = FluentActions.Invoking(() => result.EnsureSucceeded()).Should().Throw<InvalidOperationException>().Which;
        thrown.Message.Should().Contain("No trial succeeded out of 8")
            .And.Contain("trial 0 (Failed): System.FormatException: bad data in trial 0")
            .And.Contain("trial 1 (Failed): loss was NaN")
            .And.NotContain("bad data in trial 7", "only the first errors are listed")
            .And.NotContain(" at ", "stack traces stay in TrialResult.Error");
    }

    [Fact]
    public async Task On_a_tie_the_earlier_trial_stays_best()
    {
        var result = await NewExperiment()
            .SetMaxTrials(4)
            .SetObjective((_, trial, _) => trial.TrialId == 0 ? 3.0 : 1.0)
            .RunAsync();

        result.BestTrial!.TrialSettings.TrialId.Should().Be(1);
        result.BestLoss.Should().Be(1.0);
    }
}
