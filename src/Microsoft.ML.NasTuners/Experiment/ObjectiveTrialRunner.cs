namespace Microsoft.ML.NasTuners;

/// <summary>Adapts an objective function (parameter to loss, or to loss and metric) to <see cref="ITrialRunner"/>.</summary>
internal sealed class ObjectiveTrialRunner : ITrialRunner
{
    private readonly Func<Parameter, TrialSettings, CancellationToken, Task<ObjectiveValue>> _objective;

    private ObjectiveTrialRunner(Func<Parameter, TrialSettings, CancellationToken, Task<ObjectiveValue>> objective, bool returnsOneValue)
    {
        _objective = objective;
        ReturnsOneValue = returnsOneValue;
    }

    /// <summary>True when the objective returns one number (the loss, or with <see cref="Maximizing"/> a score),
    /// false when it returns an <see cref="ObjectiveValue"/>.</summary>
    public bool ReturnsOneValue { get; }

    public static ObjectiveTrialRunner FromAsync(Func<Parameter, TrialSettings, CancellationToken, Task<double>> objective) =>
        new(async (parameter, settings, ct) => new ObjectiveValue(await objective(parameter, settings, ct).ConfigureAwait(false)), true);

    public static ObjectiveTrialRunner FromAsync(Func<Parameter, TrialSettings, CancellationToken, Task<ObjectiveValue>> objective) =>
        new(objective, false);

    public static ObjectiveTrialRunner FromSync(Func<Parameter, TrialSettings, CancellationToken, double> objective) =>
        new(OnOwnThread((parameter, settings, ct) => new ObjectiveValue(objective(parameter, settings, ct))), true);

    public static ObjectiveTrialRunner FromSync(Func<Parameter, TrialSettings, CancellationToken, ObjectiveValue> objective) =>
        new(OnOwnThread(objective), false);

    /// <summary>This objective's one value read as a score to maximise: the loss is its negation and the metric the
    /// score itself.</summary>
    /// <exception cref="InvalidOperationException">The objective returns an <see cref="ObjectiveValue"/>, whose loss
    /// is already explicit.</exception>
    public ObjectiveTrialRunner Maximizing()
    {
        if (!ReturnsOneValue)
            throw new InvalidOperationException(
                "SetMaximize reads the one number an objective returns as a score to maximise; this objective returns an ObjectiveValue, whose Loss is minimised already. Drop SetMaximize, or return the score alone.");
        var objective = _objective;
        return new(async (parameter, settings, ct) =>
        {
            var score = (await objective(parameter, settings, ct).ConfigureAwait(false)).Loss;
            return new ObjectiveValue(-score, score);
        }, false);
    }

    public async Task<TrialResult> RunAsync(TrialSettings settings, CancellationToken ct)
    {
        var value = await _objective(settings.Parameter, settings, ct).ConfigureAwait(false);
        return new TrialResult { TrialSettings = settings, Loss = value.Loss, Metric = value.Metric };
    }

    // A synchronous objective is training, which takes seconds to hours and may block without end: a dedicated
    // thread keeps it from starving the thread pool the loop's own timers and continuations need.
    private static Func<Parameter, TrialSettings, CancellationToken, Task<ObjectiveValue>> OnOwnThread(
        Func<Parameter, TrialSettings, CancellationToken, ObjectiveValue> objective) =>
        (parameter, settings, ct) => Task.Factory.StartNew(
            () => objective(parameter, settings, ct),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
}
