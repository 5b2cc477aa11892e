namespace Microsoft.ML.NasTuners.Tests.Experiment;

/// <summary>Objectives that ignore their token are abandoned, exposed in the result, and bounded in number.</summary>
public class AbandonedTrialTests
{
    [Fact]
    public async Task Objectives_that_ignore_their_token_are_listed_awaitable_and_never_more_than_the_limit()
    {
        using var release = new ManualResetEventSlim();
        var result = await ExperimentTestKit.NewExperiment()
            .SetObjective((p, trial, ct) =>
            {
                // Ignores its token: only the test's release ends it.
                release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
                return 1.0;
            })
            .SetTrialTimeout(0.2)
            .SetMaxAbandonedTrials(2)
            .SetMaxTrials(10)
            .RunAsync();

        result.StopReason.Should().Be(StopReason.AbandonedTrials);
        result.Trials.Should().HaveCount(2).And.OnlyContain(t => t.Status == TrialStatus.TimedOut);
        result.AbandonedTrials.Select(a => a.TrialId).Should().Equal(0, 1);
        result.AbandonedTrials.Should().OnlyContain(a => a.IsRunning);

        release.Set();
        await result.WhenAbandonedTrialsEnd().WaitAsync(TimeSpan.FromSeconds(10));
        result.AbandonedTrials.Should().OnlyContain(a => !a.IsRunning);
    }

    [Fact]
    public async Task An_objective_that_stops_when_asked_is_not_abandoned()
    {
        var result = await ExperimentTestKit.NewExperiment()
            .SetObjective(async (p, trial, ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
                return 1.0;
            })
            .SetTrialTimeout(0.1)
            .SetMaxTrials(3)
            .RunAsync();

        result.Trials.Should().HaveCount(3).And.OnlyContain(t => t.Status == TrialStatus.TimedOut);
        result.AbandonedTrials.Should().BeEmpty();
        result.StopReason.Should().Be(StopReason.MaxTrials);
    }

    [Fact]
    public void The_limit_must_be_at_least_one()
    {
        FluentActions.Invoking(() => ExperimentTestKit.NewExperiment().SetMaxAbandonedTrials(0))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*SetMaxAbandonedTrials*at least 1*");
    }
}
