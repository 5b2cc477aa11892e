using static Microsoft.ML.NasTuners.Tests.Experiment.ExperimentTestKit;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

public class ParallelismTests
{
    [Fact]
    public async Task With_parallelism_4_the_tuner_sees_up_to_4_pending_proposals_and_never_more()
    {
        var space = SmallSpace();
        var tuner = new RecordingTuner(space);
        using var firstFourMeet = new CountdownEvent(4);
        var running = 0;
        var maxRunning = 0;
        var gate = new object();

        var result = await NewExperiment()
            .SetTuner(tuner)
            .SetDegreeOfParallelism(4)
            .SetMaxTrials(20)
            .SetObjective((p, trial, ct) =>
            {
                lock (gate) maxRunning = Math.Max(maxRunning, ++running);
                // The first four wait for each other, so four proposals are certainly pending at once.
                if (trial.TrialId < 4)
                {
                    firstFourMeet.Signal();
                    firstFourMeet.Wait(TimeSpan.FromSeconds(5), ct);
                }
                else
                {
                    Thread.Sleep(5);
                }
                lock (gate) running--;
                return Loss(p);
            })
            .RunAsync();

        result.Trials.Should().HaveCount(20).And.OnlyContain(t => t.Status == TrialStatus.Succeeded);
        tuner.MaxPending.Should().Be(4);
        maxRunning.Should().Be(4);
        tuner.Updated.Should().HaveCount(20);
        tuner.SawOverlappingCalls.Should().BeFalse("tuners are not thread-safe, so the loop serialises Propose and Update");
    }

    [Fact]
    public async Task Trial_ids_count_from_0_in_order_of_proposal_and_results_come_back_in_id_order()
    {
        var space = SmallSpace();
        var tuner = new RecordingTuner(space);

        var result = await NewExperiment()
            .SetTuner(tuner)
            .SetDegreeOfParallelism(3)
            .SetMaxTrials(12)
            .SetObjective(async (p, trial, ct) =>
            {
                await Task.Delay(trial.TrialId % 3 * 5, ct); // finish out of order
                return Loss(p);
            })
            .RunAsync();

        tuner.Proposed.Select(s => s.TrialId).Should().Equal(Enumerable.Range(0, 12));
        result.Trials.Select(t => t.TrialSettings.TrialId).Should().Equal(Enumerable.Range(0, 12));
        result.Trials.Select(t => t.TrialSettings).Should().Equal(tuner.Proposed, ReferenceEquals);
    }
}
