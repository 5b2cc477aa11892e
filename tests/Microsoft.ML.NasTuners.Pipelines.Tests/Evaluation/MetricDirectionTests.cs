namespace Microsoft.ML.NasTuners.Pipelines.Tests.Evaluation;

public class MetricDirectionTests
{
    [Theory]
    [InlineData(PipelineMetric.Auc, true)]
    [InlineData(PipelineMetric.Accuracy, true)]
    [InlineData(PipelineMetric.F1, true)]
    [InlineData(PipelineMetric.MicroAccuracy, true)]
    [InlineData(PipelineMetric.MacroAccuracy, true)]
    [InlineData(PipelineMetric.RSquared, true)]
    [InlineData(PipelineMetric.LogLoss, false)]
    [InlineData(PipelineMetric.Rmse, false)]
    [InlineData(PipelineMetric.Mae, false)]
    public void Scores_are_maximised_through_one_minus_the_score_and_errors_are_minimised_as_they_are(PipelineMetric metric, bool maximised)
    {
        metric.IsMaximized().Should().Be(maximised);
        metric.ToLoss(0.8).Should().BeApproximately(maximised ? 0.2 : 0.8, 1e-12);
    }

    [Fact]
    public void Each_task_defaults_to_a_metric_of_its_own()
    {
        PipelineMetrics.DefaultFor(PipelineTask.BinaryClassification).Should().Be(PipelineMetric.Auc);
        PipelineMetrics.DefaultFor(PipelineTask.MulticlassClassification).Should().Be(PipelineMetric.MicroAccuracy);
        PipelineMetrics.DefaultFor(PipelineTask.Regression).Should().Be(PipelineMetric.RSquared);
        PipelineMetrics.For(PipelineTask.Regression).Should().NotContain(PipelineMetric.Auc);
    }

    [DataFact("tabular")]
    public void A_metric_of_another_task_is_refused()
    {
        var context = new MLContext(seed: 1);
        var experiment = context.Nas().Regression(TabularSets.Load(context, "diabetes"), TabularSets.Label);

        var set = () => experiment.SetMetric(PipelineMetric.Auc);

        set.Should().Throw<ArgumentException>().WithMessage("*Auc*Regression*RSquared*");
    }

    [DataTheory("tabular")]
    [InlineData(PipelineMetric.Rmse)]
    [InlineData(PipelineMetric.RSquared)]
    public async Task Each_trial_records_the_metric_and_the_loss_of_its_direction_and_the_best_has_the_best_metric(PipelineMetric metric)
    {
        var context = new MLContext(seed: 4);
        var result = await context.Nas().Regression(TabularSets.Load(context, "diabetes"), TabularSets.Label)
            .SetTrainers("Sdca", "FastForest").SetMetric(metric).SetValidation(PipelineValidation.Holdout()).SetFidelities(false)
            .SetMaxTrials(5).RunAsync();

        var succeeded = result.Trials.Where(t => t.Status == TrialStatus.Succeeded).ToArray();
        succeeded.Should().NotBeEmpty();
        foreach (var trial in succeeded)
        {
            trial.Loss.Should().BeApproximately(metric.ToLoss(trial.Metric), 1e-9);
            trial.ValidationMetrics[metric].Should().Be(trial.Metric);
        }
        var bestMetric = metric.IsMaximized() ? succeeded.Max(t => t.Metric) : succeeded.Min(t => t.Metric);
        result.BestTrial!.Metric.Should().Be(bestMetric);
    }
}
