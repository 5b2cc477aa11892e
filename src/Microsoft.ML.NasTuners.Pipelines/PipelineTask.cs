namespace Microsoft.ML.NasTuners.Pipelines;

/// <summary>What a pipeline predicts: it decides the label's encoding, the trainers and the metrics.</summary>
public enum PipelineTask
{
    /// <summary>Two classes; the label becomes a Boolean.</summary>
    BinaryClassification,

    /// <summary>Two or more classes; the label becomes a key whose values are the class names.</summary>
    MulticlassClassification,

    /// <summary>A number.</summary>
    Regression,
}
