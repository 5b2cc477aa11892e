namespace Microsoft.ML.NasTuners;

/// <summary>A dimension is active only when its parent (a branch selector) takes one of <see cref="ActiveValues"/>
/// and the parent itself is active.</summary>
/// <param name="ParentIndex">Index of the branch-selector dimension.</param>
/// <param name="ActiveValues">Branch indices of the parent that make the dimension active.</param>
public sealed record DimensionCondition(int ParentIndex, IReadOnlyList<int> ActiveValues);
