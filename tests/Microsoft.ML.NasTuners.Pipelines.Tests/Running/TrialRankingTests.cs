using Microsoft.ML.NasTuners.Pipelines.Running;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Running;

public class TrialRankingTests
{
    private static PipelineTrial Trial(int id, double loss, double? budget, TrialStatus status = TrialStatus.Succeeded) =>
        new() { TrialId = id, Trainer = "LightGbm", Parameter = Parameter.CreateNestedParameter(), Status = status, Loss = loss, Budget = budget };

    [Fact]
    public void The_lowest_loss_wins_at_any_budget_since_every_budget_validates_on_the_same_rows()
    {
        var trials = new[] { Trial(0, 0.30, 9), Trial(1, 0.20, 3), Trial(2, 0.25, 9), Trial(3, 0.10, 1, TrialStatus.Failed) };

        TrialRanking.Best(trials)!.TrialId.Should().Be(1);
        TrialRanking.BestFirst(trials, t => t).Select(t => t.TrialId).Should().Equal(1, 2, 0);
    }

    [Fact]
    public void A_tie_goes_to_the_higher_budget_then_to_the_earlier_trial_and_an_undefined_loss_never_wins()
    {
        var trials = new[] { Trial(0, 0.2, 3), Trial(1, 0.2, 9), Trial(2, 0.2, null), Trial(3, double.NaN, 9) };

        TrialRanking.BestFirst(trials, t => t).Select(t => t.TrialId).Should().Equal(1, 2, 0);
        TrialRanking.Best([Trial(0, double.NaN, 9)]).Should().BeNull();
    }
}
