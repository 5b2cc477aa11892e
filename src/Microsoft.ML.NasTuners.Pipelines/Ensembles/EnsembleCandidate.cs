namespace Microsoft.ML.NasTuners.Pipelines.Ensembles;

/// <summary>A trial that may join the ensemble, with its out-of-fold predictions.</summary>
internal sealed record EnsembleCandidate(PipelineTrial Trial, OutOfFoldPredictions Predictions);
