using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

/// <summary>The theory counterpart of <see cref="Nb201FactAttribute"/>: skipped, with the reason, only when the
/// NAS-Bench-201 data folder is absent.</summary>
public sealed class Nb201TheoryAttribute : TheoryAttribute
{
    public Nb201TheoryAttribute()
    {
        if (Nb201Data.FindDirectory() is null)
            Skip = $"NAS-Bench-201 data not found: put it in ../shared/data/nb201 or set {Nb201Data.DirectoryVariable}.";
    }
}
