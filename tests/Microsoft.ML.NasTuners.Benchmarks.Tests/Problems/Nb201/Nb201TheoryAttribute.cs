namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

/// <summary>The theory counterpart of <see cref="Nb201FactAttribute"/>, skipped on the same condition.</summary>
public sealed class Nb201TheoryAttribute : TheoryAttribute
{
    public Nb201TheoryAttribute() => Skip = Nb201FactAttribute.SkipReason();
}
