using System.Collections.Concurrent;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>An observer that keeps the <see cref="RunStatistics"/> of every run instead of its records: memory grows
/// with the number of runs, not of trials.</summary>
public sealed class RunStatisticsCollector : IBenchmarkRunObserver
{
    private readonly Func<string, double> _fullBudget;
    private readonly ConcurrentDictionary<BenchmarkRunId, RunStatisticsAccumulator> _unfinished = new();
    private readonly List<RunStatistics> _finished = [];

    /// <summary>Creates a collector.</summary>
    /// <param name="fullBudget">The full budget of a problem by name (see <see cref="FullBudgets.Of"/>).</param>
    public RunStatisticsCollector(Func<string, double> fullBudget)
    {
        _fullBudget = fullBudget ?? throw new ArgumentNullException(nameof(fullBudget));
    }

    /// <summary>The statistics of the runs that finished, in the order they did.</summary>
    public IReadOnlyList<RunStatistics> Finished
    {
        get
        {
            lock (_finished) return _finished.ToArray();
        }
    }

    /// <summary>The statistics of the runs that started and have not finished: after a cancellation, those stopped
    /// midway.</summary>
    public IReadOnlyList<RunStatistics> Unfinished => _unfinished.Values.Select(a => a.ToStatistics()).ToArray();

    /// <inheritdoc />
    public void TrialFinished(TrialRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // One thread per run, so the accumulator itself needs no lock.
        _unfinished.GetOrAdd(BenchmarkRunId.Of(record), run => new RunStatisticsAccumulator(run, _fullBudget(run.Problem))).Add(record);
    }

    /// <inheritdoc />
    public void RunFinished(BenchmarkRunId run)
    {
        if (!_unfinished.TryRemove(run, out var accumulator))
            throw new InvalidOperationException($"{run} finished without a trial.");
        var statistics = accumulator.ToStatistics();
        lock (_finished) _finished.Add(statistics);
    }
}
