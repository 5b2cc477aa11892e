namespace Microsoft.ML.NasTuners;

/// <summary>The kind of value a <see cref="Parameter"/> holds.</summary>
public enum ParameterType
{
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>A 32-bit floating-point number.</summary>
    Float,
    /// <summary>A 64-bit floating-point number.</summary>
    Number,
    /// <summary>A string.</summary>
    String,
    /// <summary>A Boolean.</summary>
    Bool,
    /// <summary>A dictionary of named parameters (a nested search space).</summary>
    Object,
}
