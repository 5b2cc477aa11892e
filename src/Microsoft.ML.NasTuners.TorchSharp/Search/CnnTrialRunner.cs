using System.Globalization;

namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>
/// Runs CNN trials for an experiment: reads the trial's parameter (a point of <see cref="CnnSearchSpace"/>), trains it
/// for its budget in epochs and reports the validation loss (or error) with the accuracy as metric. A configuration
/// seen before at a lower budget continues from its checkpoint instead of starting again, which gives the same
/// network as training from scratch (see <see cref="CnnTrainer"/>).
/// </summary>
/// <remarks>
/// The budget is <see cref="TrialSettings.Budget"/> epochs, rounded to the nearest whole epoch and at least 1;
/// without a budget a trial trains <see cref="CnnTrialRunnerOptions.MaxEpochs"/>. Safe to call concurrently.
/// </remarks>
public sealed class CnnTrialRunner : ITrialRunner
{
    private readonly ImageDataset _train;
    private readonly ImageDataset _validation;
    private readonly CnnTrialRunnerOptions _options;
    private readonly CnnTrainer _trainer;
    private readonly object _gate = new();
    private readonly Dictionary<string, List<CnnCheckpoint>> _checkpoints = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, CnnCheckpoint Checkpoint)> _order = new();

    /// <summary>Creates the runner.</summary>
    /// <param name="train">The training images.</param>
    /// <param name="validation">The validation images whose loss the tuner minimises.</param>
    /// <param name="options">Budget, seed, threads, objective; defaults when null.</param>
    public CnnTrialRunner(ImageDataset train, ImageDataset validation, CnnTrialRunnerOptions? options = null)
    {
        _train = train ?? throw new ArgumentNullException(nameof(train));
        _validation = validation ?? throw new ArgumentNullException(nameof(validation));
        if (validation.Count == 0) throw new ArgumentException("The validation set is empty.", nameof(validation));
        _options = options ?? new CnnTrialRunnerOptions();
        _options.Validate();
        _trainer = new CnnTrainer(new CnnTrainerOptions { Seed = _options.Seed, MaxThreads = _options.MaxThreads });
    }

    /// <inheritdoc />
    public Task<TrialResult> RunAsync(TrialSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Training blocks for seconds to hours: a thread of its own keeps the thread pool free for the loop.
        return Task.Factory.StartNew(() => Run(settings, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Runs a trial on the calling thread.</summary>
    public TrialResult Run(TrialSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configuration = CnnConfiguration.FromParameter(settings.Parameter);
        var epochs = EpochsOf(settings.Budget);
        var key = settings.Parameter.ToString();
        var resume = FindCheckpoint(key, epochs);
        var result = _trainer.Train(configuration, _train, _validation, epochs, resume, ct);
        if (result.Diverged || result.Checkpoint is null)
        {
            return new TrialResult
            {
                TrialSettings = settings,
                Status = TrialStatus.Failed,
                Error = string.Create(CultureInfo.InvariantCulture, $"Training diverged (loss {result.TrainingLoss}) in epoch {result.Epochs}."),
            };
        }
        Store(key, result.Checkpoint);
        return new TrialResult
        {
            TrialSettings = settings,
            Loss = _options.Objective == CnnObjective.ValidationError ? 1 - result.ValidationAccuracy : result.ValidationLoss,
            Metric = result.ValidationAccuracy,
            DurationInMilliseconds = result.Duration.TotalMilliseconds,
        };
    }

    /// <summary>The checkpoint of <paramref name="parameter"/> with the most epochs, if one is kept.</summary>
    public CnnCheckpoint? GetCheckpoint(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        lock (_gate)
            return _checkpoints.TryGetValue(parameter.ToString(), out var list) ? list.MaxBy(c => c.Epochs) : null;
    }

    private int EpochsOf(double? budget)
    {
        if (budget is null) return _options.MaxEpochs;
        if (!double.IsFinite(budget.Value) || budget.Value <= 0)
            throw new ArgumentOutOfRangeException(nameof(budget), budget, "A trial's budget (epochs) must be a finite number > 0.");
        return Math.Max(1, (int)Math.Min(int.MaxValue, Math.Round(budget.Value, MidpointRounding.AwayFromZero)));
    }

    private CnnCheckpoint? FindCheckpoint(string key, int epochs)
    {
        lock (_gate)
            return _checkpoints.TryGetValue(key, out var list) ? list.Where(c => c.Epochs <= epochs).MaxBy(c => c.Epochs) : null;
    }

    private void Store(string key, CnnCheckpoint checkpoint)
    {
        if (_options.MaxStoredCheckpoints == 0) return;
        lock (_gate)
        {
            if (!_checkpoints.TryGetValue(key, out var list)) _checkpoints[key] = list = [];
            if (list.Any(c => c.Epochs == checkpoint.Epochs)) return;
            list.Add(checkpoint);
            _order.Enqueue((key, checkpoint));
            while (_order.Count > _options.MaxStoredCheckpoints)
            {
                var (oldKey, old) = _order.Dequeue();
                var oldList = _checkpoints[oldKey];
                oldList.Remove(old);
                if (oldList.Count == 0) _checkpoints.Remove(oldKey);
            }
        }
    }
}
