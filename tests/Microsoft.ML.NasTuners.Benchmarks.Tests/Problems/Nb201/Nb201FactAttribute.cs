using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

/// <summary>A fact that needs the NAS-Bench-201 tables. When the data is truly absent (no ../shared/data/nb201 and
/// NASTUNERS_NB201_DIR unset) it is reported as skipped, with the reason, rather than failing. When the folder exists,
/// or the variable names one, the test runs, so damaged data or a wrong path still fails.</summary>
public sealed class Nb201FactAttribute : FactAttribute
{
    public Nb201FactAttribute() => Skip = SkipReason();

    /// <summary>Why a test that needs the tables is skipped, or null when it must run.</summary>
    internal static string? SkipReason() =>
        Nb201Data.FindDirectory() is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Nb201Data.DirectoryVariable))
            ? $"NAS-Bench-201 data not found: put it in ../shared/data/nb201 or set {Nb201Data.DirectoryVariable}."
            : null;
}
