namespace Microsoft.ML.NasTuners.Benchmarks.Pruning;

/// <summary>
/// A multi-fidelity problem read as learning curves: a trial trains epoch by epoch up to the problem's full budget and
/// reports the problem's loss at that budget after each epoch, so that a pruner can stop it. The tuner sees the problem
/// without its budget range (<see cref="TunerView"/>): it proposes single-fidelity trials and the pruner alone decides
/// how far each trains. <c>nas-tuners pruning</c> and <c>nas-tuners worker --pruner</c> both train this way.
/// </summary>
public static class LearningCurves
{
    /// <summary>True when the problem has a budget range to read as epochs.</summary>
    public static bool Has(IBenchmarkProblem problem) =>
        (problem ?? throw new ArgumentNullException(nameof(problem))).MinBudget is not null && problem.MaxBudget is not null;

    /// <summary>The problem as a tuner factory should see it: without its budget range.</summary>
    public static IBenchmarkProblem TunerView(IBenchmarkProblem problem) => new SingleFidelityView(problem);

    /// <summary>Trains one trial: reports the loss after each epoch from the problem's smallest budget to its full one,
    /// ends the trial as pruned when the pruner says so (<see cref="TrialSettings.Prune"/>), and returns the loss at the
    /// full budget.</summary>
    /// <param name="problem">A problem with a budget range.</param>
    /// <param name="parameter">The configuration.</param>
    /// <param name="trial">The trial, whose reports go to the run's pruner.</param>
    /// <param name="beforeEachEpoch">Called before each epoch (to count epochs, or to stop a run); may throw.</param>
    /// <exception cref="ArgumentException">The problem has no budget range.</exception>
    public static double Train(IBenchmarkProblem problem, Parameter parameter, TrialSettings trial, Action? beforeEachEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (!Has(problem))
            throw new ArgumentException($"Problem '{problem.Name}' has no budget range to read as epochs (use mf_hartmann6).", nameof(problem));
        var fullEpochs = (int)problem.MaxBudget!.Value;
        for (var epoch = (int)problem.MinBudget!.Value; epoch <= fullEpochs; epoch++)
        {
            beforeEachEpoch?.Invoke();
            if (trial.Report(epoch, problem.Evaluate(parameter, epoch))) trial.Prune();
        }
        return problem.Evaluate(parameter, fullEpochs);
    }
}
