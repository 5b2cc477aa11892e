namespace Microsoft.ML.NasTuners.AutoML.Tests;

using Microsoft.ML.NasTuners.Tuners;

/// <summary>Every tuner kind runs inside AutoML's own loop on a pipeline with two schemas and nested trainer options,
/// and proposes only what AutoML's space could have sampled.</summary>
public class EveryTunerInAutoMLTests
{
    private const int Trials = 30;

    public static TheoryData<TunerKind> Kinds => new(Enum.GetValues<TunerKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_kind_runs_30_trials_of_a_pipeline_and_every_proposal_is_valid_for_AutoMLs_space(TunerKind kind)
    {
        var run = await TwinRun.PipelineAsync(kind, Trials, PipelineLoss.Of);

        run.Proposals.Should().HaveCount(Trials);
        run.Proposals.SelectMany(p => AutoMLProposals.Problems(run.Space, p)).Should().BeEmpty();
        run.Proposals.Should().AllSatisfy(p => run.Space.Invoking(s => s.MappingToFeatureSpace(p)).Should().NotThrow(),
            "AutoML maps every proposal back to its feature space");
        run.Bridge.TunerErrors.Should().Be(0, "no proposal or update of the tuner failed");
        run.Bridge.History.Finished.Should().HaveCount(Trials).And.OnlyContain(r => r.Status == TrialStatus.Succeeded);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_sub_sampling_ratio_is_a_multi_fidelity_tuners_budget_and_the_full_set_for_the_others(TunerKind kind)
    {
        var run = await TwinRun.PipelineAsync(kind, Trials, PipelineLoss.Of);

        var ratios = run.Proposals.Select(PipelineLoss.SubSamplingRatio).ToList();
        // Auto runs BOHB here: the pipeline space is larger than any GP-BO was measured on, and sub-sampling gives it a
        // budget range (docs/tuners/auto.md, rule 3).
        if (StandardTuners.IsMultiFidelity(kind) || kind == TunerKind.Auto)
        {
            ratios.Should().OnlyContain(r => r >= AutoMLTunerOptions.DefaultMinSubSamplingRatio - 1e-6 && r <= 1);
            ratios.Should().Contain(r => r < 1, "successive halving starts its brackets on part of the training set");
            ratios.Should().Equal(run.Bridge.History.Trials.Select(t => t.Settings.Budget!.Value), (sent, budget) => Math.Abs(sent - budget) < 1e-6,
                "each trial trains on the fraction its budget says (sent as AutoML's single-precision option)");
        }
        else
        {
            ratios.Should().OnlyContain(r => r == 1, "a single-fidelity tuner trains every trial on the full set");
        }
    }
}
