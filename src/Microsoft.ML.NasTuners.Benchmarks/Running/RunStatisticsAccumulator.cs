namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Builds the <see cref="RunStatistics"/> of one run from its records as they come, keeping a few numbers
/// rather than the records. Not thread-safe: one run's records come from one thread.</summary>
public sealed class RunStatisticsAccumulator
{
    private readonly double[] _checkpointBudgets;
    // Per checkpoint, the regret of the last trial so far whose spent budget did not exceed it, and whether there was one.
    private readonly double?[] _regretWithin;
    private readonly bool[] _anyWithin;
    private int _trials;
    private bool _consecutive = true;
    private double? _finalRegret;
    private double _spentBudget;
    private double _proposeMsSum;
    private int _failedTrials;

    /// <summary>Starts the statistics of <paramref name="run"/>.</summary>
    /// <param name="run">The run whose records will be added.</param>
    /// <param name="fullBudget">The problem's full budget (its maximum budget; 1 for a single-fidelity problem).</param>
    public RunStatisticsAccumulator(BenchmarkRunId run, double fullBudget)
    {
        ArgumentException.ThrowIfNullOrEmpty(run.Problem, nameof(run));
        ArgumentException.ThrowIfNullOrEmpty(run.Tuner, nameof(run));
        if (!(fullBudget > 0 && double.IsFinite(fullBudget)))
            throw new ArgumentOutOfRangeException(nameof(fullBudget), fullBudget, "A full budget must be a finite number greater than 0.");
        Run = run;
        FullBudget = fullBudget;
        // The same arithmetic as BenchmarkStatistics.RegretAt, so that both agree to the last bit at a checkpoint's edge.
        _checkpointBudgets = BenchmarkStatistics.Checkpoints.Select(k => (double)k * fullBudget).ToArray();
        _regretWithin = new double?[_checkpointBudgets.Length];
        _anyWithin = new bool[_checkpointBudgets.Length];
    }

    /// <summary>The run.</summary>
    public BenchmarkRunId Run { get; }

    /// <summary>The problem's full budget.</summary>
    public double FullBudget { get; }

    /// <summary>The number of records added.</summary>
    public int Trials => _trials;

    /// <summary>Adds the next record of the run. Records must come in trial order (as
    /// <see cref="IBenchmarkRunObserver.TrialFinished"/> gives them); <see cref="RunStatistics.TrialsAreConsecutive"/>
    /// says whether they did.</summary>
    /// <exception cref="ArgumentException">The record belongs to another run.</exception>
    public void Add(TrialRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (BenchmarkRunId.Of(record) != Run)
            throw new ArgumentException($"The record belongs to {BenchmarkRunId.Of(record)}, not {Run}.", nameof(record));
        _consecutive &= record.Trial == _trials;
        _trials++;
        _finalRegret = record.Regret;
        _spentBudget = record.SpentBudget;
        _proposeMsSum += record.ProposeMs;
        if (record.Status == TrialStatus.Failed) _failedTrials++;
        for (var i = 0; i < _checkpointBudgets.Length; i++)
        {
            if (record.SpentBudget <= _checkpointBudgets[i] * (1 + BenchmarkStatistics.Tolerance))
            {
                _regretWithin[i] = record.Regret;
                _anyWithin[i] = true;
            }
        }
    }

    /// <summary>The statistics of the records added so far.</summary>
    /// <exception cref="InvalidOperationException">No record was added.</exception>
    public RunStatistics ToStatistics()
    {
        if (_trials == 0) throw new InvalidOperationException($"{Run} has no record yet.");
        var atCheckpoints = new double?[_checkpointBudgets.Length];
        for (var i = 0; i < atCheckpoints.Length; i++)
        {
            atCheckpoints[i] = _spentBudget < _checkpointBudgets[i] * (1 - BenchmarkStatistics.Tolerance)
                ? null
                : _anyWithin[i] ? _regretWithin[i] ?? double.PositiveInfinity : double.PositiveInfinity;
        }
        return new RunStatistics
        {
            Run = Run,
            FullBudget = FullBudget,
            Trials = _trials,
            TrialsAreConsecutive = _consecutive,
            FinalRegret = _finalRegret,
            SpentBudget = _spentBudget,
            ProposeMsSum = _proposeMsSum,
            FailedTrials = _failedTrials,
            RegretAtCheckpoints = atCheckpoints,
        };
    }
}
