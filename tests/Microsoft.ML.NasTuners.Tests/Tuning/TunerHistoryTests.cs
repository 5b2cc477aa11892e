namespace Microsoft.ML.NasTuners.Tests.Tuning;

/// <summary>The bookkeeping every model-based tuner shares, classified by TrialStatusRules.</summary>
public class TunerHistoryTests
{
    private static TrialResult Result(int id, double loss, TrialStatus status = TrialStatus.Succeeded, double? budget = null) =>
        new() { TrialSettings = new TrialSettings { TrialId = id, Budget = budget }, Loss = loss, Status = status };

    private static TunerHistory<string> NewHistory() => new(StringComparer.Ordinal);

    [Fact]
    public void A_proposal_is_pending_and_taken_until_it_ends_and_its_result_is_modelled_in_arrival_order()
    {
        var history = NewHistory();
        history.Propose(0, "a");
        history.Propose(1, "b");
        history.IsTaken("a").Should().BeTrue();
        history.Pending.Select(t => t.Point).Should().Equal("a", "b");

        history.Tell(Result(1, 2.0), () => null);
        history.Tell(Result(0, 1.0), () => null);

        history.Modelled.Select(t => t.Point).Should().Equal("b", "a");
        history.PendingCount.Should().Be(0);
        history.IsTaken("a").Should().BeTrue("an ended trial blocks its point");
    }

    [Fact]
    public void Bad_results_are_counted_and_block_while_cancelled_ones_are_forgotten()
    {
        var history = NewHistory();
        history.Propose(0, "nan");
        history.Propose(1, "failed");
        history.Propose(2, "cancelled");
        history.Tell(Result(0, double.NaN), () => null)!.Use.Should().Be(TrialUse.Bad);
        history.Tell(Result(1, 0, TrialStatus.Failed), () => null)!.Use.Should().Be(TrialUse.Bad);
        history.Tell(Result(2, 0, TrialStatus.Cancelled), () => null).Should().BeNull();

        history.BadCount.Should().Be(2);
        history.IsTaken("failed").Should().BeTrue();
        history.IsTaken("cancelled").Should().BeFalse();
        history.ById.Select(t => t.Id).Should().Equal(0, 1);
    }

    [Fact]
    public void A_running_report_changes_nothing_and_a_foreign_result_is_learned_at_its_own_point()
    {
        var history = NewHistory();
        history.Propose(0, "a");
        history.Tell(Result(0, 0, TrialStatus.Running), () => "x").Should().BeNull();
        history.PendingCount.Should().Be(1);

        history.Tell(Result(7, 3.0), () => "warm")!.Point.Should().Be("warm");
        history.Tell(Result(8, 3.0), () => null).Should().BeNull("a parameter of another space is dropped");
        history.Modelled.Select(t => t.Point).Should().Equal("warm");
    }

    [Fact]
    public void Reusing_the_id_of_an_ended_trial_adds_a_trial_and_reproposing_a_pending_id_replaces_it()
    {
        var history = NewHistory();
        history.Propose(0, "a");
        history.Propose(0, "b");
        history.Pending.Select(t => t.Point).Should().Equal("b");
        history.IsTaken("a").Should().BeFalse();
        history.Tell(Result(0, 1.0), () => null);

        history.Propose(0, "c");
        history.Tell(Result(0, 2.0), () => null);
        history.Modelled.Select(t => t.Point).Should().Equal("b", "c");
    }

    [Fact]
    public void The_modelled_trials_at_the_highest_budget_are_those_a_multi_fidelity_model_reads()
    {
        var history = NewHistory();
        history.Tell(Result(0, 1, budget: 9), () => "a");
        history.Tell(Result(1, 2, budget: 27), () => "b");
        history.Tell(Result(2, 3, budget: 27), () => "c");
        history.ModelledAtHighestBudget().Select(t => t.Point).Should().Equal("b", "c");
        history.Tell(Result(3, 4), () => "full");
        history.ModelledAtHighestBudget().Select(t => t.Point).Should().Equal("full");
    }
}
