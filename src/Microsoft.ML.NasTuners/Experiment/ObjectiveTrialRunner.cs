namespace Microsoft.ML.NasTuners;

/// <summary>Adapts an objective function (parameter to loss) to <see cref="ITrialRunner"/>.</summary>
internal sealed class ObjectiveTrialRunner : ITrialRunner
{
    private readonly Func<Parameter, TrialSettings, CancellationToken, Task<double>> _objective;

    private ObjectiveTrialRunner(Func<Parameter, TrialSettings, CancellationToken, Task<double>> objective) => _objective = objective;

    public static ObjectiveTrialRunner FromAsync(Func<Parameter, TrialSettings, CancellationToken, Task<double>> objective) => new(objective);

    // A synchronous objective is training, which takes seconds to hours and may block without end: a dedicated
    // thread keeps it from starving the thread pool the loop's own timers and continuations need.
    public static ObjectiveTrialRunner FromSync(Func<Parameter, TrialSettings, CancellationToken, double> objective) =>
        new((parameter, settings, ct) => Task.Factory.StartNew(
            () => objective(parameter, settings, ct),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default));

    public async Task<TrialResult> RunAsync(TrialSettings settings, CancellationToken ct)
    {
        var loss = await _objective(settings.Parameter, settings, ct).ConfigureAwait(false);
        return new TrialResult { TrialSettings = settings, Loss = loss };
    }
}
