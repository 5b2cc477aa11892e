namespace Microsoft.ML.NasTuners.Pipelines.Data;

/// <summary>A column of the user's data that the pipeline reads as a feature: its name, the type it has in the
/// user's data (a number of any kind or a Boolean is read as <c>Single</c>) and whether it is numeric or text.</summary>
internal sealed record FeatureColumn(string Name, DataViewType OriginalType, bool IsNumeric)
{
    /// <summary>True when the user's column must be converted to <c>Single</c> before the pipeline reads it.</summary>
    public bool NeedsConversion => IsNumeric && OriginalType != NumberDataViewType.Single;
}
