namespace Microsoft.ML.AutoML;

public interface ITrialRunner : IDisposable
{
    Task<TrialResult> RunAsync(TrialSettings settings, CancellationToken ct);
}
