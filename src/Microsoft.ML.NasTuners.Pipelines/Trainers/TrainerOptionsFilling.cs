using Microsoft.ML.Trainers.FastTree;

namespace Microsoft.ML.NasTuners.Pipelines.Trainers;

/// <summary>Writes a proposal into ML.NET options classes that several tasks share.</summary>
internal static class TrainerOptionsFilling
{
    public static T Forest<T>(T options, Parameter p, TrainerInput input) where T : TreeOptions
    {
        options.LabelColumnName = input.LabelColumnName;
        options.FeatureColumnName = input.FeatureColumnName;
        options.NumberOfTrees = p["NumberOfTrees"].AsInt();
        options.NumberOfLeaves = p["NumberOfLeaves"].AsInt();
        options.MinimumExampleCountPerLeaf = p["MinimumExampleCountPerLeaf"].AsInt();
        options.FeatureFraction = p["FeatureFraction"].AsDouble();
        return options;
    }

    /// <summary>FastTree: a forest whose trees are boosting iterations, so a low fidelity trains fewer of them.</summary>
    public static T Boosted<T>(T options, Parameter p, TrainerInput input) where T : BoostedTreeOptions
    {
        Forest(options, p, input);
        options.NumberOfTrees = input.ScaleIterations(options.NumberOfTrees);
        options.LearningRate = p["LearningRate"].AsDouble();
        return options;
    }

    public static float Single(Parameter p, string key) => (float)p[key].AsDouble();
}
