using Microsoft.ML.NasTuners.Data;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Finds the YAHPO Gym data (<see cref="NasDataSets.Yahpo"/>): the folder holding <c>lcbench/model.onnx</c>,
/// <c>lcbench/encoding.json</c> and <c>instance_target_statistics.csv</c>.</summary>
public static class YahpoData
{
    /// <summary>The environment variable that names the folder (the <c>yahpo</c> folder itself).</summary>
    public static string DirectoryVariable => NasDataSets.Yahpo.Variable;

    /// <summary>The folder (<see cref="DirectoryVariable"/> when set, otherwise the repository's <c>data/yahpo</c>);
    /// null when none is found.</summary>
    public static string? FindDirectory() => NasDataSets.Yahpo.FindDirectory();

    /// <summary>The folder, or an exception that says where it was looked for and how to point at it.</summary>
    /// <exception cref="DirectoryNotFoundException">No data folder was found.</exception>
    public static string RequireDirectory() => NasDataSets.Yahpo.RequireDirectory();

    /// <summary>True when <paramref name="directory"/> holds the files the LCBench problem reads.</summary>
    public static bool IsDataDirectory(string directory) => NasDataSets.Yahpo.IsDataDirectory(directory);
}
