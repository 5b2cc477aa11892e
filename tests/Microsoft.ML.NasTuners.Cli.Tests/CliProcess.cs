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
        var (exitCode, stdout, stderr) = DotnetChild.Run("nas-tuners.dll", args, TimeSpan.FromMinutes(2), environment);
        return new CliRun(exitCode, stdout, stderr);
    }

    /// <summary>Starts <c>nas-tuners</c> with <paramref name="args"/> and returns the process (its output redirected and
    /// drained), for a test that must act on it while it runs (kill it, for one).</summary>
    public static Process Start(string[] args, IReadOnlyDictionary<string, string>? environment = null) =>
        DotnetChild.Start("nas-tuners.dll", args, environment);
}
