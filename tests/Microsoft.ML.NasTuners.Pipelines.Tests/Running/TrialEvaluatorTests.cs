using Microsoft.ML.NasTuners.Pipelines.Trainers;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Running;

public class TrialEvaluatorTests
{
    [DataFact("tabular")]
    public void Out_of_fold_predictions_cover_the_holdout_at_any_budget_and_only_when_asked_for()
    {
        var context = new MLContext(seed: 1);
        var data = TabularSets.Load(context, "pima");
        var (_, _, evaluator) = ValidatedTables.For(context, data, PipelineTask.BinaryClassification, PipelineValidation.Holdout(0.25));
        var trainer = PipelineTrainers.Binary().Single(t => t.Name == "LightGbm");

        var low = evaluator.Evaluate(context, trainer, null, budget: 1, recordPredictions: true, CancellationToken.None);
        var silent = evaluator.Evaluate(context, trainer, null, budget: 1, recordPredictions: false, CancellationToken.None);

        low.Predictions!.PredictedRows.Should().HaveCount(192, "a quarter of pima's 768 rows, each class's share rounded");
        low.Predictions.PredictedRows.Should().OnlyContain(r => low.Predictions[r].Single() >= 0 && low.Predictions[r].Single() <= 1, "probabilities");
        silent.Predictions.Should().BeNull();
        silent.Metrics.Should().BeEquivalentTo(low.Metrics, "recording reads the predictions and changes nothing");
    }
}
