namespace Microsoft.ML.NasTuners.Pipelines.Evaluation;

/// <summary>Scores predictions with ML.NET's evaluators and returns every metric of the task.</summary>
internal static class MetricEvaluator
{
    public static IReadOnlyDictionary<PipelineMetric, double> Evaluate(MLContext context, PipelineTask task, IDataView predictions, string labelColumnName)
    {
        switch (task)
        {
            case PipelineTask.BinaryClassification:
                var binary = context.BinaryClassification.Evaluate(predictions, labelColumnName);
                return new Dictionary<PipelineMetric, double>
                {
                    [PipelineMetric.Auc] = binary.AreaUnderRocCurve,
                    [PipelineMetric.LogLoss] = binary.LogLoss,
                    [PipelineMetric.Accuracy] = binary.Accuracy,
                    [PipelineMetric.F1] = binary.F1Score,
                };
            case PipelineTask.MulticlassClassification:
                var multi = context.MulticlassClassification.Evaluate(predictions, labelColumnName);
                return new Dictionary<PipelineMetric, double>
                {
                    [PipelineMetric.MicroAccuracy] = multi.MicroAccuracy,
                    [PipelineMetric.MacroAccuracy] = multi.MacroAccuracy,
                    [PipelineMetric.LogLoss] = multi.LogLoss,
                    [PipelineMetric.Accuracy] = multi.MicroAccuracy,
                };
            default:
                var regression = context.Regression.Evaluate(predictions, labelColumnName);
                return new Dictionary<PipelineMetric, double>
                {
                    [PipelineMetric.RSquared] = regression.RSquared,
                    [PipelineMetric.Rmse] = regression.RootMeanSquaredError,
                    [PipelineMetric.Mae] = regression.MeanAbsoluteError,
                };
        }
    }

    /// <summary>The mean of each metric over folds.</summary>
    public static IReadOnlyDictionary<PipelineMetric, double> Mean(IReadOnlyList<IReadOnlyDictionary<PipelineMetric, double>> folds) =>
        folds[0].Keys.ToDictionary(k => k, k => folds.Average(f => f[k]));
}
