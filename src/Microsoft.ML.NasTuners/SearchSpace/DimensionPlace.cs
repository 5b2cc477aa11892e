namespace Microsoft.ML.NasTuners;

/// <summary>Where a dimension's value lives in a <see cref="Parameter"/>.</summary>
/// <param name="ContainerPath">Keys of the nested objects that hold the value, from the root.</param>
/// <param name="Key">The value's key inside that object.</param>
/// <param name="Name">A unique, readable name: nested keys joined by '.', branch parameters under 'selector:branch.'.</param>
public sealed record DimensionPlace(IReadOnlyList<string> ContainerPath, string Key, string Name);
