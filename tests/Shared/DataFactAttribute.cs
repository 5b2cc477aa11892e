using Microsoft.ML.NasTuners.Data;

namespace Microsoft.ML.NasTuners.Tests.Shared;

/// <summary>A fact that reads one of the repository's data sets (<see cref="NasDataSets"/>, by folder name). When the
/// set is truly absent (no <c>data/&lt;name&gt;</c> found and its variable unset) the test is reported as skipped with
/// the reason, rather than failing. When the folder is found, or the variable names one, the test runs, so damaged
/// data or a wrong path still fails.</summary>
public sealed class DataFactAttribute : FactAttribute
{
    public DataFactAttribute(string dataSet) => Skip = DataRequirement.SkipReason(dataSet);
}

/// <summary>The theory counterpart of <see cref="DataFactAttribute"/>, skipped on the same condition.</summary>
public sealed class DataTheoryAttribute : TheoryAttribute
{
    public DataTheoryAttribute(string dataSet) => Skip = DataRequirement.SkipReason(dataSet);
}

/// <summary>The one skip rule of the tests that read data.</summary>
public static class DataRequirement
{
    /// <summary>Why a test that reads <paramref name="dataSet"/> is skipped, or null when it must run.</summary>
    /// <exception cref="ArgumentException">No data set has that name.</exception>
    public static string? SkipReason(string dataSet)
    {
        var set = NasDataSets.All.FirstOrDefault(s => s.Name == dataSet)
            ?? throw new ArgumentException($"No data set '{dataSet}'. Data sets: {string.Join(", ", NasDataSets.All)}.", nameof(dataSet));
        return string.IsNullOrEmpty(Environment.GetEnvironmentVariable(set.Variable)) ? set.MissingReason() : null;
    }
}
