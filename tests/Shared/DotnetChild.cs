using System.Diagnostics;

namespace Microsoft.ML.NasTuners.Tests.Shared;

/// <summary>A .NET program built beside the tests, run as a child process: for behaviour that depends on the process
/// (its environment, or a fault that would kill it and the test host with it).</summary>
internal static class DotnetChild
{
    /// <summary>Starts <paramref name="dll"/> (a file name beside the tests) with <paramref name="args"/>, its output
    /// redirected, under the same dotnet host as the tests.</summary>
    public static Process Start(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, dll);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{dll} is not beside the tests: the test project must reference the project that builds it.", path);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(path);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>Runs <paramref name="dll"/> to the end, at most <paramref name="timeout"/>, and returns its exit code and
    /// output.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string dll, IEnumerable<string> args, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(dll, args, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{dll} {string.Join(' ', args)} did not finish within {timeout}.");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
