using System.Diagnostics;

namespace Microsoft.ML.NasTuners.Cli.Tests;

/// <summary><c>nas-tuners</c> started as its own process and left running, for a test to kill it midway.</summary>
internal sealed class CliChild : IDisposable
{
    private readonly Process _process;

    private CliChild(Process process)
    {
        _process = process;
        // Drained as it comes, so that a full pipe never blocks the child.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static CliChild Start(params string[] args) => new(CliProcess.Start(args));

    public int ExitCode => _process.ExitCode;

    public bool HasExited => _process.HasExited;

    /// <summary>Ends the process at once (SIGKILL on Unix): no handler runs and nothing is flushed.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
