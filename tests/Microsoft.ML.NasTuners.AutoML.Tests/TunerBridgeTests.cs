namespace Microsoft.ML.NasTuners.AutoML.Tests;

using Microsoft.ML.AutoML;
using Microsoft.ML.NasTuners.Tuners;
using Microsoft.ML.SearchSpace.Option;
using AutoMLSearchSpace = Microsoft.ML.SearchSpace.SearchSpace;

/// <summary>How AutoML's results reach our tuners: failed trials as failures, the trial id and duration kept, and
/// nothing our tuner does can end AutoML's run.</summary>
public class TunerBridgeTests
{
    private const int Trials = 30;

    public static TheoryData<TunerKind> Kinds => new(Enum.GetValues<TunerKind>());

    // Trials 3, 10, 17, 24 throw (AutoML reports double.MaxValue); 5, 12, ... give NaN; 6, 13, ... give +infinity.
    private static double FailingEveryFewTrials(TrialSettings trial) => (trial.TrialId % 7) switch
    {
        3 when trial.TrialId > 0 => throw new InvalidOperationException("the trainer ran out of memory"),
        5 => double.NaN,
        6 => double.PositiveInfinity,
        _ => PipelineLoss.Of(trial),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Failed_trials_never_become_the_incumbent_and_never_break_a_tuner(TunerKind kind)
    {
        var run = await TwinRun.PipelineAsync(kind, Trials, FailingEveryFewTrials);

        var history = run.Bridge.History;
        var failedIds = Enumerable.Range(0, Trials).Where(id => id % 7 is 3 or 5 or 6).ToList();
        history.Finished.Where(r => r.Status == TrialStatus.Failed).Select(r => r.TrialSettings.TrialId).Should().Equal(failedIds);
        history.Finished.Where(r => r.TrialSettings.TrialId % 7 == 3).Should().OnlyContain(r => r.Loss == double.MaxValue,
            "AutoML reports a trial whose runner threw as double.MaxValue");
        history.Incumbent.Should().NotBeNull();
        history.Incumbent!.Status.Should().Be(TrialStatus.Succeeded);
        // The best usable loss at the highest budget any usable trial reached (every trial's, without budgets).
        var usable = history.Finished.Where(r => double.IsFinite(r.Loss) && r.Loss < double.MaxValue).ToList();
        var top = usable.Max(r => r.TrialSettings.Budget ?? double.PositiveInfinity);
        history.Incumbent.Loss.Should().Be(usable.Where(r => (r.TrialSettings.Budget ?? double.PositiveInfinity) == top).Min(r => r.Loss));
        run.Bridge.TunerErrors.Should().Be(0);
        run.Proposals.Should().HaveCount(Trials).And.OnlyContain(p => !AutoMLProposals.Problems(run.Space, p).Any());
    }

    [Fact]
    public async Task Results_keep_AutoMLs_trial_id_loss_and_duration()
    {
        var run = await TwinRun.PipelineAsync(TunerKind.Tpe, 8, PipelineLoss.Of);

        var finished = run.Bridge.History.Finished.ToList();
        finished.Select(r => r.TrialSettings.TrialId).Should().Equal(run.Runner.Trials.Select(t => t.TrialId));
        finished.Select(r => r.Loss).Should().Equal(run.Runner.Trials.Select(PipelineLoss.Of));
        finished.Select(r => r.DurationInMilliseconds).Should().Equal(run.Runner.Trials.Select(t => 10.0 * (t.TrialId + 1)));
        run.Bridge.History.Incumbent!.Loss.Should().Be(run.Best.Loss, "the bridge and AutoML agree on the best trial");
    }

    [Fact]
    public async Task A_tuner_that_throws_does_not_end_AutoMLs_run_and_its_proposals_stay_valid()
    {
        var run = await PipelineBehind(new ThrowingTuner(), 10);

        run.Proposals.Should().HaveCount(10).And.OnlyContain(p => !AutoMLProposals.Problems(run.Space, p).Any());
        run.Bridge.TunerErrors.Should().Be(20, "each trial's Propose and Update threw, and each was caught");
        run.Bridge.History.Finished.Should().HaveCount(10);
    }

    [Fact]
    public async Task Options_a_tuner_leaves_out_or_gets_wrong_go_back_as_valid_AutoML_values()
    {
        var run = await PipelineBehind(new CarelessTuner(), 4);

        run.Proposals.Should().HaveCount(4).And.OnlyContain(p => !AutoMLProposals.Problems(run.Space, p).Any());
        run.Bridge.TunerErrors.Should().Be(2, "the two proposals with a choice the space does not have fell back to random points");
    }

    [Fact]
    public async Task A_result_for_a_trial_the_bridge_did_not_propose_or_already_has_is_ignored()
    {
        var run = await TwinRun.PipelineAsync(TunerKind.Random, 3, PipelineLoss.Of);
        var tuner = ProxyOf(run);
        var before = run.Bridge.History.Finished.Select(r => r.Loss).ToList();

        tuner.Invoking(t => t.Update(new TrialResult { TrialSettings = new TrialSettings { TrialId = 99 }, Loss = 0 })).Should().NotThrow();
        tuner.Invoking(t => t.Update(new TrialResult { TrialSettings = run.Runner.Trials[0], Loss = -1 })).Should().NotThrow();

        run.Bridge.History.Count.Should().Be(3);
        run.Bridge.History.Finished.Select(r => r.Loss).Should().Equal(before);
    }

    [Fact]
    public async Task An_experiment_without_a_pipeline_is_searched_as_a_plain_nested_space()
    {
        var space = new AutoMLSearchSpace { ["x"] = new UniformDoubleOption(-1, 1), ["n"] = new UniformIntOption(1, 5) };
        var run = await TwinRun.RunAsync(experiment => experiment.AddSearchSpace("model", space),
            services => AutoMLTuners.Create<ITuner>(services, TunerKind.Smac, seed: 3), 12,
            trial => Math.Abs(trial.Parameter["model"]["x"].AsType<double>()) + trial.Parameter["model"]["n"].AsType<int>());

        run.Proposals.Should().OnlyContain(p => !AutoMLProposals.Problems(run.Space, p).Any());
        run.Best.Loss.Should().BeLessThan(2, "SMAC finds n = 1 with x near 0 within 12 trials");
    }

    // The pipeline through AutoML's loop, with the given tuner of ours behind the bridge.
    private static Task<TwinRun> PipelineBehind(NasTuners.ITuner tuner, int trials) => TwinRun.RunAsync(
        experiment => experiment.AddSearchSpace(AutoMLExperiment.PipelineSearchspaceName, PipelineSpaces.TwoSchemas()),
        services => AutoMLTuners.Create<ITuner>(services, new AutoMLTunerOptions { CreateTuner = (_, _) => tuner }),
        trials, PipelineLoss.Of);

    private static ITuner ProxyOf(TwinRun run) => AutoMLTunerProxy.Create<ITuner>(run.Bridge);

    /// <summary>A tuner of ours whose even trials propose nothing (every option left to its default) and odd trials a
    /// schema the pipeline does not have.</summary>
    private sealed class CarelessTuner : NasTuners.ITuner
    {
        public NasTuners.Parameter Propose(NasTuners.TrialSettings settings) => settings.TrialId % 2 == 0
            ? NasTuners.Parameter.CreateNestedParameter()
            : NasTuners.Parameter.CreateNestedParameter(KeyValuePair.Create("_pipeline_", NasTuners.Parameter.CreateNestedParameter(
                KeyValuePair.Create("_SCHEMA_", NasTuners.Parameter.FromString("e0 * e9")))));

        public void Update(NasTuners.TrialResult result)
        {
        }
    }

    /// <summary>A tuner of ours that fails at everything.</summary>
    private sealed class ThrowingTuner : NasTuners.ITuner
    {
        public NasTuners.Parameter Propose(NasTuners.TrialSettings settings) => throw new InvalidOperationException("no proposal");

        public void Update(NasTuners.TrialResult result) => throw new InvalidOperationException("no update");
    }
}
