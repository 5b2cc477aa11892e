using Microsoft.ML.NasTuners.Pipelines;

namespace Microsoft.ML.NasTuners;

/// <summary>The pipeline searches on the <c>mlContext.Nas()</c> catalog, one per task, in the style of ML.NET's own
/// catalogs.</summary>
public static class PipelineCatalogExtensions
{
    /// <summary>A search for a binary classifier of <paramref name="labelColumnName"/> (two values of any type; the
    /// greater is the positive class unless set). Default metric: AUC.</summary>
    /// <param name="catalog">The catalog, <c>mlContext.Nas()</c>.</param>
    /// <param name="trainData">The training data: numbers, Booleans and text columns are features.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="testData">Data to score the best model on, if any.</param>
    public static PipelineExperiment BinaryClassification(this NasCatalog catalog, IDataView trainData, string labelColumnName = "Label", IDataView? testData = null) =>
        Create(catalog, PipelineTask.BinaryClassification, trainData, labelColumnName, testData);

    /// <summary>A search for a multiclass classifier of <paramref name="labelColumnName"/>. Default metric: micro-accuracy.</summary>
    /// <inheritdoc cref="BinaryClassification" path="/param"/>
    public static PipelineExperiment MulticlassClassification(this NasCatalog catalog, IDataView trainData, string labelColumnName = "Label", IDataView? testData = null) =>
        Create(catalog, PipelineTask.MulticlassClassification, trainData, labelColumnName, testData);

    /// <summary>A search for a regression of the numeric <paramref name="labelColumnName"/>. Default metric: R².</summary>
    /// <inheritdoc cref="BinaryClassification" path="/param"/>
    public static PipelineExperiment Regression(this NasCatalog catalog, IDataView trainData, string labelColumnName = "Label", IDataView? testData = null) =>
        Create(catalog, PipelineTask.Regression, trainData, labelColumnName, testData);

    private static PipelineExperiment Create(NasCatalog catalog, PipelineTask task, IDataView trainData, string labelColumnName, IDataView? testData)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var experiment = new PipelineExperiment(catalog.Context, task, trainData, labelColumnName);
        return testData is null ? experiment : experiment.SetTestData(testData);
    }
}
