namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// The part Hyperband and BOHB share: turns the scheduler's jobs into proposals (budget, config id and previous budget
/// written into the trial's settings) and routes results back to the scheduler and the sampler.
/// </summary>
internal sealed class MultiFidelityDriver
{
    private readonly ModelView _view;
    private readonly ISuccessiveHalvingScheduler _scheduler;
    private readonly IConfigurationSampler _sampler;
    // The schedule's jobs of the pending trials; the trials themselves, at their jobs' budgets, are the sampler's data.
    private readonly Dictionary<int, SuccessiveHalvingJob> _jobs = [];

    public MultiFidelityDriver(ModelView view, ISuccessiveHalvingScheduler scheduler, IConfigurationSampler sampler)
    {
        _view = view;
        _scheduler = scheduler;
        _sampler = sampler;
    }

    /// <summary>Every trial, each at the budget its job gave it.</summary>
    public TunerHistory<double[]> Trials { get; } = new();

    public Parameter Propose(TrialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var job = _scheduler.Next(settings.TrialId, () => _sampler.Sample(Trials));
        _jobs[settings.TrialId] = job;
        Trials.Propose(settings.TrialId, job.Point);
        settings.Budget = job.Budget;
        settings.ConfigId = job.ConfigId;
        settings.PreviousBudget = job.PreviousBudget;
        return _view.Decode(job.Point);
    }

    public void Update(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // A trial reported as still running stays pending (TrialStatusRules).
        if (TrialStatusRules.IsPending(result.Status)) return;
        var id = result.TrialSettings.TrialId;
        if (_jobs.Remove(id, out var job))
        {
            // The schedule counts every ended trial, so a bracket never waits for one that will not come back; the
            // sampler learns nothing from a cancelled one (the history forgets it).
            _scheduler.Report(id, result.HasUsableLoss ? result.Loss : double.NaN);
            Trials.Tell(result, () => null, job.Budget);
            return;
        }
        // A result this tuner did not propose (a warm start, another worker's trial) still informs the model, when it
        // says at which budget it ran.
        Trials.Tell(result, () => result.TrialSettings.Budget is null ? null : TryEncode(result.TrialSettings.Parameter));
    }

    private double[]? TryEncode(Parameter parameter)
    {
        try
        {
            return _view.Encode(parameter);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
