using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

/// <summary>Keeps every record it is told of (from any thread) and passes everything on, so that a test can compare
/// what a streaming observer made of a run with the very records it saw.</summary>
internal sealed class RecordingObserver(IBenchmarkRunObserver next) : IBenchmarkRunObserver
{
    private readonly List<TrialRecord> _records = [];

    public IReadOnlyList<TrialRecord> Records
    {
        get
        {
            lock (_records) return _records.ToArray();
        }
    }

    public void TrialFinished(TrialRecord record)
    {
        lock (_records) _records.Add(record);
        next.TrialFinished(record);
    }

    public void RunFinished(BenchmarkRunId run) => next.RunFinished(run);
}
