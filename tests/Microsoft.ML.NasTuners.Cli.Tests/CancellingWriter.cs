namespace Microsoft.ML.NasTuners.Cli.Tests;

/// <summary>A stderr that cancels a token when a line containing <paramref name="trigger"/> is written: with the
/// progress lines bench writes every 10%, Ctrl+C at a chosen point of a run, on the worker thread that reports it,
/// so the point is the same every time.</summary>
internal sealed class CancellingWriter(string trigger) : StringWriter
{
    private readonly CancellationTokenSource _source = new();
    private readonly object _gate = new();

    public CancellationToken Token => _source.Token;

    public override void WriteLine(string? value)
    {
        lock (_gate) base.WriteLine(value);
        if (value is not null && value.Contains(trigger, StringComparison.Ordinal)) _source.Cancel();
    }

    public override string ToString()
    {
        lock (_gate) return base.ToString();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _source.Dispose();
        base.Dispose(disposing);
    }
}
