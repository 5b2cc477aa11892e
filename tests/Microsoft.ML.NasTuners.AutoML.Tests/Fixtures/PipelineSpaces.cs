namespace Microsoft.ML.NasTuners.AutoML.Tests;

using Microsoft.ML.SearchSpace.Option;
using AutoMLSearchSpace = Microsoft.ML.SearchSpace.SearchSpace;

/// <summary>
/// The space <c>SetPipeline</c> gives a featurizer followed by one of two trainers: <c>{"e0": featurizer, "e1":
/// tree trainer, "e2": boosting trainer with a nested booster, "_SCHEMA_": "e0 * e1" or "e0 * e2"}</c>, with ints,
/// singles, doubles, log scales, choices of strings, numbers and Booleans, and both of AutoML's nested-space classes.
/// </summary>
internal static class PipelineSpaces
{
    public const string TreeSchema = "e0 * e1";
    public const string BoostingSchema = "e0 * e2";

    public static AutoMLSearchSpace TwoSchemas() => new()
    {
        ["e0"] = new AutoMLSearchSpace
        {
            ["normalize"] = new ChoiceOption(true, false),
            ["ngram"] = new ChoiceOption([1, 2, 3], 2),
        },
        ["e1"] = new AutoMLSearchSpace
        {
            ["numberOfLeaves"] = new UniformIntOption(4, 1024, logBase: true, defaultValue: 20),
            ["learningRate"] = new UniformDoubleOption(1e-3, 1, logBase: true, defaultValue: 0.1),
            ["featureFraction"] = new UniformSingleOption(0.5f, 1f, defaultValue: 1f),
        },
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
