using System.Diagnostics;

namespace Microsoft.ML.NasTuners.Cli.Tests.Review;

/// <summary>Where <c>scripts/optuna_bench.py</c> is, and a Python that can run it (one whose <c>import optuna</c>
/// works), or why there is none: Optuna is optional, so its tests skip without it.</summary>
internal static class OptunaScript
{
    private static readonly Lazy<string?> FoundPython = new(() => new[] { "python3", "/usr/bin/python3" }.FirstOrDefault(CanImportOptuna));

    public static string? Python => FoundPython.Value;

    public static string? SkipReason => Python is null ? "No Python with Optuna here (Debian: apt-get install python3-optuna)." : null;

    public static string Path
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var script = System.IO.Path.Combine(folder.FullName, "scripts", "optuna_bench.py");
                if (File.Exists(script)) return script;
            }
            throw new FileNotFoundException("scripts/optuna_bench.py not found above the test's folder.");
        }
    }

    /// <summary>Runs the script with <paramref name="args"/> and returns its exit code and stderr.</summary>
    public static (int ExitCode, string Stderr) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Python!) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr.Result);
    }

    private static bool CanImportOptuna(string python)
    {
        try
        {
            var start = new ProcessStartInfo(python, ["-c", "import optuna"]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            process.StandardError.ReadToEnd();
            return process.WaitForExit(30_000) && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>A fact that needs Python with Optuna; skipped, with the reason, without it.</summary>
public sealed class OptunaFactAttribute : FactAttribute
{
    public OptunaFactAttribute() => Skip = OptunaScript.SkipReason;
}
