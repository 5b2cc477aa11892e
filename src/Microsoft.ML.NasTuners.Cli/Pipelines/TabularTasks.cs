using Microsoft.ML.NasTuners.Data;
using Microsoft.ML.NasTuners.Pipelines;
using Microsoft.ML.NasTuners.Pipelines.Data;

namespace Microsoft.ML.NasTuners.Cli.Pipelines;

/// <summary>The data/tabular sets and the task each one poses (data/README.md: the last column, <c>label</c>).</summary>
internal static class TabularTasks
{
    public const string Label = "label";

    public static IReadOnlyDictionary<string, PipelineTask> All { get; } = new Dictionary<string, PipelineTask>
    {
        ["breast_cancer"] = PipelineTask.BinaryClassification,
        ["wine"] = PipelineTask.MulticlassClassification,
        ["diabetes"] = PipelineTask.Regression,
        ["pima"] = PipelineTask.BinaryClassification,
        ["house_votes84"] = PipelineTask.BinaryClassification,
        ["letter"] = PipelineTask.MulticlassClassification,
    };

    public static IReadOnlyList<string> Names { get; } = All.Keys.ToArray();

    /// <summary>The set split 80/20 by <paramref name="seed"/> (ML.NET's <c>TrainTestSplit</c>) in a context of that seed:
    /// the same split for every method and check run with the seed.</summary>
    public static (MLContext Context, IDataView Train, IDataView Test) Split(string set, int seed)
    {
        var context = new MLContext(seed: seed);
        var data = TabularCsv.Load(context, Path.Combine(NasDataSets.Tabular.RequireDirectory(), set + ".csv"));
        var split = context.Data.TrainTestSplit(data, testFraction: 0.2, seed: seed);
        return (context, split.TrainSet, split.TestSet);
    }
}
