using System.Collections.Concurrent;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary>What <c>bench</c> does with each trial as it ends: append it to the <c>--out</c> file, fold it into its
/// run's statistics for the summary, and keep it only when a baseline needs it and there is no file to read it back
/// from.</summary>
internal sealed class BenchRecorder(TrialRecordJsonlAppender? output, RunStatisticsCollector statistics, bool keepRecords) : IBenchmarkRunObserver
{
    private readonly ConcurrentQueue<TrialRecord>? _kept = keepRecords ? new ConcurrentQueue<TrialRecord>() : null;
    private long _trials;

    /// <summary>The statistics of the runs seen.</summary>
    public RunStatisticsCollector Statistics { get; } = statistics;

    /// <summary>The trials that ended.</summary>
    public long Trials => Interlocked.Read(ref _trials);

    /// <summary>The records kept for a baseline; empty unless asked for.</summary>
    public IReadOnlyCollection<TrialRecord> Kept => _kept?.ToArray() ?? [];

    public void TrialFinished(TrialRecord record)
    {
        // The file first: a trial counts as done only once it is written.
        output?.Append(record);
        Statistics.TrialFinished(record);
        _kept?.Enqueue(record);
        Interlocked.Increment(ref _trials);
    }

    public void RunFinished(BenchmarkRunId run)
    {
        // Every finished run reaches the file at once, so a kill never costs one that was done.
        output?.Flush();
        Statistics.RunFinished(run);
    }
}
