namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// What a benchmark trial costs: 1 on a single-fidelity problem; otherwise its budget, or only the part above the
/// budget it continues from when continuations are counted and that configuration did reach it in this run (as an
/// objective that resumes training would spend). Asked in the order the run proposes and records trials, so the
/// charges never depend on threads.
/// </summary>
internal sealed class ContinuationAccounting(bool budgeted, double fullBudget, bool countContinuation)
{
    // The highest budget each configuration has run at with a usable loss.
    private readonly Dictionary<int, double> _reached = [];

    /// <summary>The budget spent by the trials recorded so far.</summary>
    public double Spent { get; private set; }

    /// <summary>What <paramref name="settings"/> is expected to cost, judged by what has run so far.</summary>
    public double Cost(TrialSettings settings)
    {
        if (!budgeted) return 1;
        var budget = settings.Budget ?? fullBudget;
        return countContinuation && settings is { ConfigId: { } id, PreviousBudget: { } previous }
               && _reached.TryGetValue(id, out var done) && done >= previous && previous < budget
            ? budget - previous
            : budget;
    }

    /// <summary>Charges a recorded trial, against what had run before it ended, and returns its cost.</summary>
    public double Charge(TrialResult result)
    {
        var settings = result.TrialSettings;
        var cost = Cost(settings);
        Spent += cost;
        if (budgeted && result.HasUsableLoss && settings.ConfigId is { } configId)
        {
            var budget = settings.Budget ?? fullBudget;
            _reached[configId] = Math.Max(budget, _reached.GetValueOrDefault(configId));
        }
        return cost;
    }
}
