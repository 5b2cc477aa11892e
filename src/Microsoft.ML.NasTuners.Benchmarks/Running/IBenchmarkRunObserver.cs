namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Told of every trial as it ends and of every run as it finishes, so that a caller can write and summarise a
/// benchmark as it goes instead of holding all its records.</summary>
/// <remarks>Calls come from the runner's worker threads. One run's calls come from one thread, its trials in trial
/// order and then <see cref="RunFinished"/>; different runs call at the same time, so an implementation that shares
/// state between runs must lock it.</remarks>
public interface IBenchmarkRunObserver
{
    /// <summary>A trial ended and the tuner has learnt from it.</summary>
    void TrialFinished(TrialRecord record);

    /// <summary>The run ended with all its trials: nothing more will come for it. A run that was cancelled or failed
    /// midway never gets this call.</summary>
    void RunFinished(BenchmarkRunId run);
}
