namespace Microsoft.ML.NasTuners.AutoML.Tests;

using Microsoft.ML.SearchSpace;
using Microsoft.ML.SearchSpace.Option;
using AutoMLSearchSpace = Microsoft.ML.SearchSpace.SearchSpace;

/// <summary>
/// The space <c>SetPipeline</c> gives a featurizer followed by one of two trainers: <c>{"e0": featurizer, "e1":
/// tree trainer, "e2": boosting trainer with a nested booster, "_SCHEMA_": "e0 * e1" or "e0 * e2"}</c>, with ints,
/// singles, doubles, log scales, choices of strings, numbers and Booleans, both of AutoML's nested-space classes, and a
/// <c>SearchSpace&lt;T&gt;</c> made from a default object.
/// </summary>
internal static class PipelineSpaces
{
    public const string TreeSchema = "e0 * e1";
    public const string BoostingSchema = "e0 * e2";

    /// <summary>The label column of the tree trainer's default options: no search attribute, so AutoML carries it in
    /// every sample of the trainer's space.</summary>
    public const string LabelColumn = "Churn";

    /// <summary>A trainer's options as AutoML declares them: searched properties with attributes, others fixed.</summary>
    public sealed class TreeTrainerOptions
    {
        [Range(4, 1024, 20, logBase: true)]
        public int NumberOfLeaves { get; set; }

        [Range(1e-3, 1.0, 0.1, logBase: true)]
        public double LearningRate { get; set; }

        [Range(0.5f, 1f, 1f)]
        public float FeatureFraction { get; set; }

        public string LabelColumnName { get; set; } = "Label";
    }

    public static AutoMLSearchSpace TwoSchemas() => new()
    {
        ["e0"] = new AutoMLSearchSpace
        {
            ["normalize"] = new ChoiceOption(true, false),
            ["ngram"] = new ChoiceOption([1, 2, 3], 2),
        },
        ["e1"] = new SearchSpace<TreeTrainerOptions>(new TreeTrainerOptions { LabelColumnName = LabelColumn }),
        ["e2"] = new AutoMLSearchSpace
        {
            ["numberOfIterations"] = new UniformIntOption(10, 200),
            ["subsample"] = new UniformSingleOption(0.1f, 1f, defaultValue: 0.5f),
            ["booster"] = new Microsoft.ML.SearchSpace.Option.SearchSpace(
                KeyValuePair.Create("type", (OptionBase)new ChoiceOption("gbdt", "dart", "goss")),
                KeyValuePair.Create("lambdaL2", (OptionBase)new UniformDoubleOption(1e-4, 10, logBase: true))),
        },
        [PipelineSpaceTranslation.SchemaKey] = new ChoiceOption(TreeSchema, BoostingSchema),
    };
}
