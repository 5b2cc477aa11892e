namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>Entry points on ML.NET's catalogs.</summary>
public static class CnnCatalogExtensions
{
    /// <summary>Trains a TorchSharp CNN image classifier of a given architecture.</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="options">Columns, architecture, training settings, epochs and seed.</param>
    public static CnnImageClassificationEstimator TorchSharpCnn(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        CnnImageClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new CnnImageClassificationEstimator(options);
    }

    /// <summary>Trains a TorchSharp CNN image classifier of a given architecture.</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="labelColumnName">The key label column. Default "Label".</param>
    /// <param name="featureColumnName">The image column, a known-size vector of Single. Default "Features".</param>
    /// <param name="architecture">The network; the search space's default point when null.</param>
    /// <param name="inputShape">The image shape; one square channel when null.</param>
    /// <param name="epochs">Epochs to train. Default 10.</param>
    /// <param name="seed">Seed. Default 0.</param>
    public static CnnImageClassificationEstimator TorchSharpCnn(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", CnnArchitecture? architecture = null,
        CnnInputShape? inputShape = null, int epochs = 10, long seed = 0) =>
        catalog.TorchSharpCnn(new CnnImageClassificationOptions
        {
            LabelColumnName = labelColumnName,
            FeatureColumnName = featureColumnName,
            Architecture = architecture,
            InputShape = inputShape,
            Epochs = epochs,
            Seed = seed,
        });
}
