namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>CNN architecture search from <c>mlContext.Nas()</c>.</summary>
public static class CnnNasCatalogExtensions
{
    /// <summary>
    /// An experiment over <see cref="CnnSearchSpace"/> whose trials <paramref name="runner"/> trains; set the tuner,
    /// trial count, seed and the rest on the returned experiment, then run it. The runner keeps checkpoints: the best
    /// trial's network is <c>runner.GetCheckpoint(best.TrialSettings.Parameter)?.CreateNetwork()</c>.
    /// </summary>
    /// <param name="catalog">The catalog from <c>mlContext.Nas()</c>.</param>
    /// <param name="runner">Trains the trials on the data it was given.</param>
    /// <param name="searchSpace">Bounds of the space; the defaults when null.</param>
    public static NasExperiment ImageClassification(this NasCatalog catalog, CnnTrialRunner runner, CnnSearchSpaceOptions? searchSpace = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(runner);
        return catalog.CreateExperiment()
            .SetSearchSpace(CnnSearchSpace.Create(searchSpace))
            .SetTrialRunner(runner);
    }
}
