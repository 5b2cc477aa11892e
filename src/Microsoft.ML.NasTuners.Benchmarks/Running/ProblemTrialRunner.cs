namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Evaluates a benchmark problem as a trial, at the trial's budget; an exception of the problem is a failed
/// trial whose error is its type and message.</summary>
internal sealed class ProblemTrialRunner(IBenchmarkProblem problem) : ITrialRunner
{
    public Task<TrialResult> RunAsync(TrialSettings settings, CancellationToken ct)
    {
        try
        {
            return Task.FromResult(new TrialResult { TrialSettings = settings, Loss = problem.Evaluate(settings.Parameter, settings.Budget) });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Task.FromResult(new TrialResult { TrialSettings = settings, Status = TrialStatus.Failed, Error = $"{e.GetType().Name}: {e.Message}" });
        }
    }
}
