namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Runs a multi-fidelity tuner on a single-fidelity problem: the tuner is built with a one-budget schedule
/// (every trial at the full budget) and the budget it writes is removed before the problem sees it.</summary>
internal sealed class SingleFidelityAdapter(ITuner inner) : ITuner
{
    public Parameter Propose(TrialSettings settings) => Propose(settings, CancellationToken.None);

    public Parameter Propose(TrialSettings settings, CancellationToken cancellationToken)
    {
        var parameter = inner.Propose(settings, cancellationToken);
        settings.Budget = null;
        settings.PreviousBudget = null;
        return parameter;
    }

    // The tuner files a result under the job it handed out, by trial id, so the missing budget does not matter.
    public void Update(TrialResult result) => inner.Update(result);
}
