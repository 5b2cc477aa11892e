using Microsoft.ML.NasTuners.Pipelines;

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
}
