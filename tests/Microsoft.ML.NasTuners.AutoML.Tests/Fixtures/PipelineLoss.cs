namespace Microsoft.ML.NasTuners.AutoML.Tests;

using Microsoft.ML.AutoML;
using AutoMLParameter = Microsoft.ML.SearchSpace.Parameter;

/// <summary>A loss over <see cref="PipelineSpaces.TwoSchemas"/> that reads only the estimators of the chosen schema,
/// as a sweepable pipeline does, so a tuner that learns has something to learn.</summary>
internal static class PipelineLoss
{
    public static double Of(TrialSettings trial)
    {
        var pipeline = trial.Parameter["_pipeline_"];
        var featurizer = pipeline["e0"];
        var loss = (featurizer["normalize"].AsType<bool>() ? 0 : 0.1) + Math.Abs(featurizer["ngram"].AsType<int>() - 2) * 0.05;
        if (pipeline["_SCHEMA_"].AsType<string>() == PipelineSpaces.TreeSchema)
        {
            var tree = pipeline["e1"];
            return loss + Square(Math.Log(tree["NumberOfLeaves"].AsType<int>() / 64.0)) / 10
                        + Square(Math.Log10(tree["LearningRate"].AsType<double>()) + 1.5)
                        + (1 - tree["FeatureFraction"].AsType<double>());
        }
        var boosting = pipeline["e2"];
        return loss + 0.3 + Square((boosting["numberOfIterations"].AsType<int>() - 120) / 100.0)
                    + Square(boosting["subsample"].AsType<double>() - 0.7)
                    + (boosting["booster"]["type"].AsType<string>() == "dart" ? 0.2 : 0);
    }

    /// <summary>The sub-sampling ratio AutoML's train/validate dataset manager would read from the trial.</summary>
    public static double SubSamplingRatio(AutoMLParameter parameter) =>
        parameter["TrainValidateDatasetManager"][TrainValidateDatasetManager.SubSamplingKey].AsType<double>();

    private static double Square(double x) => x * x;
}
