using Microsoft.ML.NasTuners.Tuners;
using static Microsoft.ML.NasTuners.Tests.Experiment.ExperimentTestKit;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

/// <summary>The objective can return a loss, a loss and a metric, or a score to maximise; no lambda is ambiguous.</summary>
public class ObjectiveShapesTests
{
    [Fact]
    public async Task A_lambda_that_only_throws_compiles_and_fails_its_trials()
    {
        // Before the sync overload had priority this line did not compile (CS0121: double or Task<double>).
        var result = await NewExperiment().SetObjective((_, _, _) => throw new InvalidDataException("no data")).SetMaxTrials(3).RunAsync();

        result.Trials.Should().HaveCount(3).And.OnlyContain(t => t.Status == TrialStatus.Failed && t.Error!.Contains("no data"));
    }

    [Fact]
    public async Task An_objective_value_records_the_metric_beside_the_loss()
    {
        var result = await NewExperiment()
            .SetObjective((p, _, _) => new ObjectiveValue(Loss(p), Metric: 10 - Loss(p)))
            .SetMaxTrials(5).RunAsync();

        result.Trials.Should().OnlyContain(t => t.Metric == 10 - t.Loss && t.Loss == Loss(t.TrialSettings.Parameter));
    }

    [Fact]
    public async Task An_asynchronous_objective_value_is_recorded_too()
    {
        var result = await NewExperiment()
            .SetObjective(async (p, _, ct) => { await Task.Yield(); return new ObjectiveValue(Loss(p), 1); })
            .SetMaxTrials(3).RunAsync();

        result.Trials.Should().OnlyContain(t => t.Metric == 1 && t.Status == TrialStatus.Succeeded);
    }

    [Fact]
    public async Task Maximising_a_score_minimises_its_negation_and_keeps_the_score_as_the_metric()
    {
        static double Score(Parameter p) => -Loss(p);

        var maximised = await NewExperiment().SetObjective((p, _, _) => Score(p)).SetMaximize().SetMaxTrials(20).SetSeed(4).RunAsync();
        var minimised = await NewExperiment().SetObjective((p, _, _) => Loss(p)).SetMaxTrials(20).SetSeed(4).RunAsync();

        maximised.Trials.Should().AllSatisfy(t => { t.Metric.Should().Be(Score(t.TrialSettings.Parameter)); t.Loss.Should().Be(-t.Metric); });
        // -Score is Loss, so the tuner sees the same losses and proposes the same trials.
        maximised.Trials.Select(t => t.TrialSettings.Parameter).Should().Equal(minimised.Trials.Select(t => t.TrialSettings.Parameter));
        maximised.BestTrial!.Metric.Should().Be(maximised.Trials.Max(t => t.Metric));
    }

    [Fact]
    public async Task Maximise_with_an_objective_value_is_refused_as_its_loss_is_explicit()
    {
        var act = () => NewExperiment().SetObjective((p, _, _) => new ObjectiveValue(Loss(p), 1)).SetMaximize().RunAsync();

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*SetMaximize*ObjectiveValue*");
    }

    [Fact]
    public async Task SetMaximize_false_restores_minimisation()
    {
        var result = await NewExperiment().SetObjective((p, _, _) => Loss(p)).SetMaximize().SetMaximize(false).SetMaxTrials(3).RunAsync();

        result.Trials.Should().OnlyContain(t => t.Loss == Loss(t.TrialSettings.Parameter) && double.IsNaN(t.Metric));
    }
}
