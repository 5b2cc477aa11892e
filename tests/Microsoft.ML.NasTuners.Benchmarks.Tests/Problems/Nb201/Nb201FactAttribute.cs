using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

/// <summary>A fact that needs the NAS-Bench-201 tables. When the data folder is truly absent (no
/// ../shared/data/nb201 and no NASTUNERS_NB201_DIR) it is reported as skipped, with the reason, rather than failing;
/// when the folder exists the test runs, so damaged data still fails.</summary>
public sealed class Nb201FactAttribute : FactAttribute
{
    public Nb201FactAttribute()
    {
        if (Nb201Data.FindDirectory() is null)
            Skip = $"NAS-Bench-201 data not found: put it in ../shared/data/nb201 or set {Nb201Data.DirectoryVariable}.";
    }
}
