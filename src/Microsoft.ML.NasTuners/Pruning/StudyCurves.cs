using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Pruning;

/// <summary>
/// The learning curves of a study in a store: where a run writes each report, and where its pruner reads what every
/// trial of the study reported, those of other processes and of earlier runs included. Safe to use from many threads.
/// </summary>
/// <remarks>
/// Reading the study costs time in proportion to everything it holds (trials times steps), and trials report often:
/// reading it at every report would make a long study quadratic. So the curves read are cached, and read again only
/// once the cache is older than <see cref="MinRefresh"/> and than <see cref="RefreshCostFactor"/> times what the last
/// read took. Reading then takes at most about a tenth of the reporting threads' time however large the study grows,
/// and another process's report reaches this one's pruner within about half a second on a small study. A stale cache
/// only misses others' newest values, which makes a pruner judge against fewer curves, never against wrong ones; this
/// run's own reports are always current (the caller keeps them in memory).
/// </remarks>
internal sealed class StudyCurves
{
    /// <summary>The least time between two reads of the study.</summary>
    public static readonly TimeSpan MinRefresh = TimeSpan.FromMilliseconds(500);

    /// <summary>How many times its own cost the cache lives at least.</summary>
    public const int RefreshCostFactor = 10;

    private readonly ITrialStore _store;
    private readonly string _study;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private IReadOnlyList<TrialCurve>? _cached;
    private long _readAt;
    private TimeSpan _lifetime;

    public StudyCurves(ITrialStore store, string study, TimeProvider? clock = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _study = study ?? throw new ArgumentNullException(nameof(study));
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>How many times the study was read, for tests of the policy above.</summary>
    public int Reads { get; private set; }

    /// <summary>Writes a report to the store.</summary>
    public void Write(int trialId, double step, double value) => _store.ReportIntermediateValue(_study, trialId, step, value);

    /// <summary>Every trial of the study that reported anything, by id, as of the last read (see the remarks).</summary>
    public IReadOnlyList<TrialCurve> Read()
    {
        lock (_gate)
        {
            if (_cached is not null && _clock.GetElapsedTime(_readAt) < _lifetime)
                return _cached;
            var start = _clock.GetTimestamp();
            _cached = _store.GetTrials(_study)
                .Where(t => t.IntermediateValues.Count > 0)
                .Select(t => new TrialCurve(t.Id, t.Status, t.IntermediateValues))
                .ToArray();
            _readAt = _clock.GetTimestamp();
            var cost = _clock.GetElapsedTime(start, _readAt);
            _lifetime = cost * RefreshCostFactor > MinRefresh ? cost * RefreshCostFactor : MinRefresh;
            Reads++;
            return _cached;
        }
    }
}
