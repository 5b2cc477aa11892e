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
    private readonly Dictionary<int, SuccessiveHalvingJob> _pending = [];

    public MultiFidelityDriver(ModelView view, ISuccessiveHalvingScheduler scheduler, IConfigurationSampler sampler)
    {
        _view = view;
        _scheduler = scheduler;
        _sampler = sampler;
    }

    public Parameter Propose(TrialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var job = _scheduler.Next(settings.TrialId, _sampler.Sample);
        _pending[settings.TrialId] = job;
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
        var loss = result.HasUsableLoss ? result.Loss : double.NaN;
        var modelled = TrialStatusRules.BlocksReproposal(result.Status);
        if (_pending.Remove(result.TrialSettings.TrialId, out var job))
        {
            // The schedule counts every ended trial, so a bracket never waits for one that will not come back; the
            // sampler learns nothing from a cancelled one.
            _scheduler.Report(result.TrialSettings.TrialId, loss);
            if (modelled) _sampler.Observe(job.Point, job.Budget, loss);
            return;
        }
        if (!modelled)
            return;
        // A result this tuner did not propose (a warm start, another worker's trial) still informs the model.
        if (result.TrialSettings.Budget is not { } budget)
            return;
        double[] point;
        try
        {
            point = _view.Encode(result.TrialSettings.Parameter);
        }
        catch (ArgumentException)
        {
            return;
        }
        _sampler.Observe(point, budget, loss);
    }
}
