using System.Diagnostics;

namespace Microsoft.ML.NasTuners.Cli.Tests;

/// <summary>The command run as its own process, as a user runs it: for behaviour that depends on the process's
/// environment (data-set variables), which an in-process run would share with every other test.</summary>
internal static class CliProcess
{
    /// <summary>Runs <c>nas-tuners</c> with <paramref name="args"/> and the extra environment variables, waiting at most
    /// two minutes.</summary>
    public static CliRun Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(args, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"nas-tuners {string.Join(' ', args)} did not finish within two minutes.");
        }
        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts <c>nas-tuners</c> with <paramref name="args"/> and returns the process (its output redirected and
    /// drained), for a test that must act on it while it runs (kill it, for one).</summary>
    public static Process Start(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "nas-tuners.dll");
        File.Exists(dll).Should().BeTrue("the test project references the CLI, so its build is beside the tests");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return Process.Start(start)!;
    }
}
