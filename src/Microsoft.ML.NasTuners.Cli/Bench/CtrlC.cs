using System.Runtime.InteropServices;

namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary>Turns the first Ctrl+C into a cancellation, so that a benchmark stops between trials, keeps what it did
/// and summarises it; a second Ctrl+C ends the process as usual, for a user who will not wait.</summary>
/// <remarks>System.CommandLine cancels its token on Ctrl+C only when the invocation sets a process-termination
/// timeout, and then ends the process once it expires, cutting the summary short; this handler has neither
/// condition.</remarks>
internal sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration? _registration;

    private CtrlC(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        try
        {
            _registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnInterrupt);
        }
        catch (PlatformNotSupportedException)
        {
            // Without signals the outer token is the only way to stop.
        }
    }

    /// <summary>A token cancelled by <paramref name="outer"/> or by the first Ctrl+C while the result is alive.</summary>
    public static CtrlC Cancels(CancellationToken outer) => new(outer);

    /// <summary>The token to hand to the work.</summary>
    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _registration?.Dispose();
        _source.Dispose();
    }

    private void OnInterrupt(PosixSignalContext context)
    {
        try
        {
            if (_source.IsCancellationRequested) return;
            context.Cancel = true;
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The work had ended as the signal came: the default (ending the process) is then right.
        }
    }
}
