namespace Microsoft.ML.NasTuners.Pipelines.Tests;

/// <summary>Rows the model has not seen, as a user would score them: the label column removed.</summary>
internal static class NewRows
{
    public static IDataView WithoutLabel(MLContext context, IDataView data) =>
        context.Transforms.DropColumns(TabularSets.Label).Fit(data).Transform(data);

    public static int Count(IDataView data)
    {
        using var cursor = data.GetRowCursor([]);
        var rows = 0;
        while (cursor.MoveNext()) rows++;
        return rows;
    }
}
