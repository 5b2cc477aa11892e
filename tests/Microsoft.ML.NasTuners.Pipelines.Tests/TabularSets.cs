using Microsoft.ML.NasTuners.Data;
using Microsoft.ML.NasTuners.Pipelines.Data;

namespace Microsoft.ML.NasTuners.Pipelines.Tests;

/// <summary>The data/tabular sets, loaded as a user would load them, and split 80/20 for a test set.</summary>
internal static class TabularSets
{
    public const string Label = "label";

    public static IDataView Load(MLContext context, string name) =>
        TabularCsv.Load(context, NasDataSets.Tabular.RequireFile(name + ".csv"));

    public static (IDataView Train, IDataView Test) Split(MLContext context, string name, int seed = 1)
    {
        var split = context.Data.TrainTestSplit(Load(context, name), testFraction: 0.2, seed: seed);
        return (split.TrainSet, split.TestSet);
    }
}
