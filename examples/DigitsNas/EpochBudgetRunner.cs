using Microsoft.ML.NasTuners;
using Microsoft.ML.NasTuners.TorchSharp;

/// <summary>
/// Runs trials one at a time until a total of epochs is spent, so that arms with and without a pruner are compared at
/// equal cost. The trial that would cross the total is given only the epochs left (it then does not count as a full
/// training), and the run is stopped when the next trial would start (that trial is recorded as cancelled, having trained
/// nothing).
/// </summary>
internal sealed class EpochBudgetRunner(CnnTrialRunner inner, long totalEpochs, CancellationTokenSource stopRun) : ITrialRunner
{
    private long _spent;

    /// <summary>Epochs trained so far.</summary>
    public long Spent => Interlocked.Read(ref _spent);

    public async Task<TrialResult> RunAsync(TrialSettings settings, CancellationToken ct)
    {
        var left = totalEpochs - Spent;
        if (left <= 0)
        {
            stopRun.Cancel();
            throw new OperationCanceledException("The epochs are spent.");
        }
        if ((settings.Budget ?? inner.MaxEpochs) > left) settings.Budget = left;
        var result = await inner.RunAsync(settings, ct).ConfigureAwait(false);
        // The run is stopped when the next trial starts, not here: a trial whose run is cancelled as it returns is
        // recorded as cancelled, not as the full training it was.
        Interlocked.Add(ref _spent, (long)Math.Round(result.SpentBudget ?? 0));
        return result;
    }
}
