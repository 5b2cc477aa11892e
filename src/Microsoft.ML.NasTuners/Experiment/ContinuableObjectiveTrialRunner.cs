namespace Microsoft.ML.NasTuners;

/// <summary>
/// Runs an objective that can continue a configuration from the state it reached at a lower budget: the state comes
/// from an <see cref="ICheckpointCache"/> keyed by <see cref="TrialSettings.ConfigId"/> and the state the objective
/// returns is saved there for the next promotion.
/// </summary>
internal sealed class ContinuableObjectiveTrialRunner<TState> : ITrialRunner where TState : class
{
    private readonly Func<Parameter, TrialSettings, TState?, CancellationToken, Task<(double Loss, TState? State)>> _objective;
    private readonly Func<ICheckpointCache> _cache;
    private readonly Func<double?> _maxBudget;

    /// <param name="objective">The objective.</param>
    /// <param name="cache">The experiment's cache, read when a trial starts (the experiment may change it).</param>
    /// <param name="maxBudget">The run's full budget: a state trained to it is never continued, so it is not kept.</param>
    public ContinuableObjectiveTrialRunner(
        Func<Parameter, TrialSettings, TState?, CancellationToken, Task<(double Loss, TState? State)>> objective,
        Func<ICheckpointCache> cache, Func<double?> maxBudget)
    {
        _objective = objective;
        _cache = cache;
        _maxBudget = maxBudget;
    }

    public async Task<TrialResult> RunAsync(TrialSettings settings, CancellationToken ct)
    {
        var cache = _cache();
        TState? previous = null;
        // Only a checkpoint below this trial's budget is progress; the settings then say what the trial really
        // starts from, which is what the budget accounting charges for.
        if (settings is { ConfigId: { } id, Budget: { } budget }
            && cache.TryLoad(id, out var checkpoint) && checkpoint.Budget < budget && checkpoint.State is TState state)
        {
            previous = state;
            settings.PreviousBudget = checkpoint.Budget;
        }
        else
        {
            settings.PreviousBudget = null;
        }

        var (loss, next) = await _objective(settings.Parameter, settings, previous, ct).ConfigureAwait(false);

        if (settings is { ConfigId: { } configId, Budget: { } reached })
        {
            if (_maxBudget() is { } max && reached >= max)
                cache.Remove(configId);
            else if (next is not null && double.IsFinite(loss))
                cache.Save(configId, new TrialCheckpoint(reached, next));
        }
        return new TrialResult
        {
            TrialSettings = settings,
            Loss = loss,
            SpentBudget = settings.Budget is { } b ? b - (settings.PreviousBudget ?? 0) : null,
        };
    }
}
