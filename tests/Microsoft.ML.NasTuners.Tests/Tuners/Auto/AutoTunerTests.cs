using Microsoft.ML.NasTuners.Tests.Experiment;
using Microsoft.ML.NasTuners.Tuners;
using static Microsoft.ML.NasTuners.Tests.Tuners.Auto.AutoSpaces;

namespace Microsoft.ML.NasTuners.Tests.Tuners.Auto;

/// <summary>The automatic tuner leaves GP-BO when the run outgrows it, hands the new tuner the whole history, records
/// every choice and stays reproducible.</summary>
public class AutoTunerTests
{
    // The finished trials after which a conditional run leaves GP-BO.
    private const int L = AutoRules.GpMaxConditionalTrials;

    // Proposes and finishes trials firstId.. one at a time; each trial reports the given duration.
    private static List<TrialSettings> Run(ITuner tuner, int count, int firstId = 0, double trialMs = 100)
    {
        var trials = new List<TrialSettings>();
        for (var id = firstId; id < firstId + count; id++)
        {
            var settings = new TrialSettings { TrialId = id };
            settings.Parameter = tuner.Propose(settings);
            tuner.Update(new TrialResult { TrialSettings = settings, Loss = Loss(settings.Parameter), DurationInMilliseconds = trialMs });
            trials.Add(settings);
        }
        return trials;
    }

    [Fact]
    public void A_conditional_run_leaves_gp_map_for_tpe_mv_after_the_trials_gp_was_measured_at()
    {
        var tuner = new AutoTuner(SmallConditional(), seed: 3);

        Run(tuner, L);
        tuner.CurrentTuner.Should().Be("gp-map", "the switch comes with the first proposal after L finished trials");
        Run(tuner, 1, firstId: L);

        tuner.CurrentTuner.Should().Be("tpe-mv");
        tuner.Decisions.Should().HaveCount(2);
        tuner.Decisions[1].Should().Be(new AutoDecision("tpe-mv", $"{L} finished trials, past GP-BO's measured {L}", L, L, IsSwitch: true));
        tuner.Decisions[1].Note.Should().Be($"auto: tpe-mv (switch: {L} finished trials, past GP-BO's measured {L})");
    }

    [Fact]
    public void The_new_tuner_has_learned_the_history_it_did_not_propose()
    {
        var tuner = new AutoTuner(SmallConditional(), seed: 3);
        var finished = Run(tuner, L);

        var afterSwitch = Parameters(Run(tuner, 8, firstId: L));
        var told = TpeMv();
        foreach (var trial in finished)
            told.Update(Result(trial));

        afterSwitch.Should().Equal(Parameters(Run(told, 8, firstId: L)), "the new tuner is told every finished trial");
        afterSwitch.Should().NotEqual(Parameters(Run(TpeMv(), 8, firstId: L)), "a fresh tuner of the same seed knows nothing yet");
    }

    [Fact]
    public void Trials_pending_at_a_switch_stay_pending_and_their_results_reach_the_new_tuner()
    {
        var tuner = new AutoTuner(SmallConditional(), seed: 3);
        var finished = Run(tuner, L - 1);
        var pending = new TrialSettings { TrialId = L - 1 };
        pending.Parameter = tuner.Propose(pending);
        finished.AddRange(Run(tuner, 1, firstId: L));   // L finished, so trial L + 1 is the first tpe-mv proposes

        var next = Run(tuner, 1, firstId: L + 1);
        tuner.Update(Result(pending));
        var later = Parameters(Run(tuner, 9, firstId: L + 2));

        var told = TpeMv();
        foreach (var trial in finished)
            told.Update(Result(trial));
        Parameters(Run(told, 1, firstId: L + 1)).Should().Equal(Parameters(next));
        told.Update(Result(pending));
        tuner.Decisions[1].FromTrialId.Should().Be(L + 1);
        later.Should().Equal(Parameters(Run(told, 9, firstId: L + 2)), "the pending trial's result, once in, is learned too");
    }

    private static TpeTuner TpeMv() => new(SmallConditional(), new TpeOptions { Multivariate = true }, 3);

    private static TrialResult Result(TrialSettings trial) =>
        new() { TrialSettings = trial, Loss = Loss(trial.Parameter), DurationInMilliseconds = 100 };

    private static List<Parameter> Parameters(IEnumerable<TrialSettings> trials) => trials.Select(t => t.Parameter).ToList();

    [Fact]
    public void An_unconditional_run_keeps_gp_map_up_to_200_trials_and_a_conditional_one_up_to_100()
    {
        AutoRulesOf(Continuous(2)).Should().Be(200);
        AutoRulesOf(SmallConditional()).Should().Be(100);
    }

    private static int AutoRulesOf(SearchSpace space) =>
        AutoRules.GpTrialLimit(AutoProfile.Read(space, new AutoTunerOptions()));

    [Fact]
    public void With_the_cost_rule_on_gp_map_is_left_once_its_proposals_take_longer_than_the_trials()
    {
        var tuner = new AutoTuner(Continuous(2), new AutoTunerOptions { LeaveGpWhenProposalsCostMore = true }, 1, null,
            new SteppingClock(TimeSpan.FromSeconds(2)));

        Run(tuner, 10, trialMs: 100);
        tuner.CurrentTuner.Should().Be("gp-map");
        Run(tuner, 1, firstId: 10);

        tuner.Decisions[1].Should().Be(new AutoDecision("tpe-mv", "median proposal 2000 ms over the median trial 100 ms", 10, 10, true));
    }

    [Fact]
    public void Proposals_cheaper_than_the_trials_or_than_a_second_keep_gp_map()
    {
        var slowTrials = new AutoTuner(Continuous(2), new AutoTunerOptions { LeaveGpWhenProposalsCostMore = true }, 1, null,
            new SteppingClock(TimeSpan.FromSeconds(2)));
        var quickProposals = new AutoTuner(Continuous(2), new AutoTunerOptions { LeaveGpWhenProposalsCostMore = true }, 1, null,
            new SteppingClock(TimeSpan.FromMilliseconds(900)));

        Run(slowTrials, 15, trialMs: 5000);
        Run(quickProposals, 15, trialMs: 10);

        slowTrials.Decisions.Should().ContainSingle();
        quickProposals.Decisions.Should().ContainSingle();
    }

    [Fact]
    public void Without_the_cost_rule_proposal_time_never_decides()
    {
        var tuner = new AutoTuner(Continuous(2), null, 1, null, new SteppingClock(TimeSpan.FromSeconds(10)));

        Run(tuner, 15, trialMs: 1);

        tuner.Decisions.Should().ContainSingle();
    }

    [Fact]
    public void The_same_seed_and_history_give_the_same_proposals_across_a_switch()
    {
        List<Parameter> Proposals(int seed) => Run(new AutoTuner(SmallConditional(), seed: seed), L + 5).Select(t => t.Parameter).ToList();

        var first = Proposals(4);

        Proposals(4).Should().Equal(first);
        Proposals(5).Should().NotEqual(first);
    }

    [Fact]
    public void A_cancelled_token_reaches_the_proposal()
    {
        var tuner = new AutoTuner(Continuous(2), seed: 1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var act = () => tuner.Propose(new TrialSettings { TrialId = 0 }, cancelled.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Every_choice_is_logged()
    {
        var logger = new ListLogger();
        var tuner = new AutoTuner(SmallConditional(), null, 3, logger);

        Run(tuner, L + 1);

        logger.Entries.Select(e => e.Message).Should().Equal(
            "auto: gp-map (rule: few dimensions, conditional) from trial 0 (0 trials finished).",
            $"auto: tpe-mv (switch: {L} finished trials, past GP-BO's measured {L}) from trial {L} ({L} trials finished).");
    }

    // Each reading of the clock is one step after the last, so every proposal appears to take one step.
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += step.Ticks;
    }
}
