namespace Microsoft.ML.NasTuners.Pipelines.Featurization;

/// <summary>How one input column becomes features.</summary>
public enum ColumnTreatment
{
    /// <summary>A number: missing values are replaced by the column's mean.</summary>
    Numeric,

    /// <summary>A number with missing values in the training data: replaced by the mean, plus a 0/1 indicator column.</summary>
    NumericWithMissingIndicator,

    /// <summary>A category with few values: one-hot encoded; an empty value is missing and encodes as all zeros, which
    /// is its indicator.</summary>
    OneHot,

    /// <summary>A category with many values: one-hot encoded into hashed slots.</summary>
    OneHotHash,

    /// <summary>Free text (several words per value): ML.NET's FeaturizeText (word and character n-grams).</summary>
    Text,
}
