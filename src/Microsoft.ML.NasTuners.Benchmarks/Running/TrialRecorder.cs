namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// Turns a benchmark run's trials into <see cref="TrialRecord"/>s as the experiment loop records them: the budget
/// spent so far, and the incumbent's full-fidelity loss and regret (the incumbent is the best trial among those run at
/// the highest budget reached so far). Each record goes to <c>onTrial</c> and is not kept, so a run of any length
/// holds none of them.
/// </summary>
internal sealed class TrialRecorder(IBenchmarkProblem problem, string tunerName, int seed, TimedTuner tuner,
    ContinuationAccounting accounting, Action<TrialRecord> onTrial, CancellationToken cancellationToken) : IExperimentMonitor
{
    private readonly bool _budgeted = problem.MaxBudget is not null;
    private readonly NoisyProblem? _noisy = problem as NoisyProblem;
    private TrialResult? _incumbent;
    private double? _best;

    public void OnTrialStarted(TrialSettings settings)
    {
    }

    public void OnTrialCompleted(TrialResult result) => Record(result);

    public void OnTrialFailed(TrialResult result)
    {
        // Trials stopped by the run's cancellation did not run: the benchmark keeps no record of them.
        if (result.Status == TrialStatus.Cancelled && cancellationToken.IsCancellationRequested) return;
        Record(result);
    }

    public void OnBestChanged(TrialResult result)
    {
    }

    private void Record(TrialResult result)
    {
        var settings = result.TrialSettings;
        var fullBudget = problem.MaxBudget ?? 1;
        var budget = _budgeted ? settings.Budget ?? fullBudget : (double?)null;
        var usable = result.HasUsableLoss;
        // What a noisy observation hides: the value the configuration really has.
        var noiseless = usable && _noisy is not null ? FullFidelity(settings.Parameter) : null;
        // The experiment's own rule: the highest budget first, then the lowest loss (the observed one, noise and all).
        if (usable && TrialHistory.IsBetter(result, _incumbent))
        {
            _incumbent = result;
            _best = _noisy is not null ? noiseless : _budgeted ? FullFidelity(settings.Parameter) : result.Loss;
        }
        var record = new TrialRecord
        {
            Problem = problem.Name,
            Tuner = tunerName,
            Seed = seed,
            Trial = settings.TrialId,
            Budget = budget,
            ConfigId = settings.ConfigId,
            SpentBudget = accounting.Spent,
            Loss = usable ? result.Loss : null,
            NoiselessLoss = noiseless,
            Best = _best,
            Regret = (_best - problem.OptimalValue) / problem.RegretScale,
            ProposeMs = tuner.ProposeMs(settings.TrialId),
            EvalMs = result.DurationInMilliseconds,
            Status = result.Status,
            Error = result.Error,
            Parameter = settings.Parameter,
        };
        onTrial(record);
    }

    // The incumbent's score; should the full-fidelity evaluation fail, the previous score stands rather than the run.
    private double? FullFidelity(Parameter parameter)
    {
        try
        {
            var value = problem.EvaluateFullFidelity(parameter);
            return double.IsFinite(value) ? value : _best;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return _best;
        }
    }
}
