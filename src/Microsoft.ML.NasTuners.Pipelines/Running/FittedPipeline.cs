namespace Microsoft.ML.NasTuners.Pipelines.Running;

/// <summary>A trained pipeline: <see cref="Scorer"/> writes the trainer's columns (a key <c>PredictedLabel</c> for
/// multiclass, which ML.NET's evaluator needs); <see cref="Model"/> is what the user gets, where the multiclass
/// prediction is mapped back to the class name.</summary>
internal sealed record FittedPipeline(ITransformer Scorer, ITransformer Model, string Description);
