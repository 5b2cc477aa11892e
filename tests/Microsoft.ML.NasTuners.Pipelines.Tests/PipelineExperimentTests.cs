namespace Microsoft.ML.NasTuners.Pipelines.Tests;

public class PipelineExperimentTests
{
    [DataTheory("tabular")]
    [InlineData("breast_cancer")]
    [InlineData("pima")]
    [InlineData("house_votes84")]
    public async Task Binary_classification_returns_a_model_that_scores_new_rows(string set)
    {
        var context = new MLContext(seed: 1);
        var (train, test) = TabularSets.Split(context, set);

        var result = await context.Nas().BinaryClassification(train, TabularSets.Label, test).SetMaxTrials(4).RunAsync();

        result.EnsureModel().Trials.Should().HaveCount(4);
        result.TestMetrics![PipelineMetric.Auc].Should().BeGreaterThan(0.75);
        var predicted = result.Model!.Transform(NewRows.WithoutLabel(context, test)).GetColumn<bool>("PredictedLabel").ToArray();
        predicted.Should().HaveCount(NewRows.Count(test)).And.Contain(true).And.Contain(false);
    }
}
