namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Finds the YAHPO Gym data: the folder holding <c>lcbench/model.onnx</c> and
/// <c>instance_target_statistics.csv</c>.</summary>
public static class YahpoData
{
    /// <summary>The environment variable that names the folder (the <c>yahpo</c> folder itself).</summary>
    public const string DirectoryVariable = "NASTUNERS_YAHPO_DIR";

    /// <summary>The folder: <see cref="DirectoryVariable"/> when set, otherwise <c>shared/data/yahpo</c> in the first
    /// directory above the application's or the current directory that has one (which finds
    /// <c>../shared/data/yahpo</c> beside a clone of the repository); null when none is found.</summary>
    public static string? FindDirectory() => SharedDataFolder.Find(DirectoryVariable, "yahpo", IsDataDirectory);

    /// <summary>The folder, or an exception that says where it was looked for and how to point at it.</summary>
    /// <exception cref="DirectoryNotFoundException">No data folder was found.</exception>
    public static string RequireDirectory() => FindDirectory() ?? throw new DirectoryNotFoundException(
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured
            ? $"The YAHPO Gym data was not found in '{configured}' ({DirectoryVariable}): it needs lcbench/model.onnx, lcbench/encoding.json and instance_target_statistics.csv."
            : $"The YAHPO Gym data was not found: keep it in shared/data/yahpo beside the repository (../shared/data/yahpo), or set {DirectoryVariable} to the folder holding lcbench/model.onnx and instance_target_statistics.csv.");

    /// <summary>True when <paramref name="directory"/> holds the files the LCBench problem reads.</summary>
    public static bool IsDataDirectory(string directory) =>
        File.Exists(Path.Combine(directory, "lcbench", "model.onnx"))
        && File.Exists(Path.Combine(directory, "lcbench", "encoding.json"))
        && File.Exists(Path.Combine(directory, "instance_target_statistics.csv"));
}
