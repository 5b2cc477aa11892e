using System.Globalization;

namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>
/// Runs CNN trials for an experiment: reads the trial's parameter (a point of <see cref="CnnSearchSpace"/>), trains it
/// for its budget in epochs and reports the validation loss (or error) with the accuracy as metric. A configuration
/// that already ran at a lower budget continues from its checkpoint instead of starting again, which gives the same
/// network as training from scratch (see <see cref="CnnTrainer"/>), and is charged only the extra epochs.
/// </summary>
/// <remarks>
/// <para>The budget is <see cref="TrialSettings.Budget"/> epochs, rounded to the nearest whole epoch and at least 1;
/// without a budget a trial trains <see cref="CnnTrialRunnerOptions.MaxEpochs"/>. Safe to call concurrently.</para>
/// <para>Multi-fidelity tuners (Hyperband, BOHB) promote a configuration by proposing it again with the same
/// <see cref="TrialSettings.ConfigId"/>, a higher budget and its <see cref="TrialSettings.PreviousBudget"/>. Checkpoints
/// are therefore kept under the configuration's id when the trial has one (and under its parameter otherwise); a
/// trial continues from the checkpoint of its id with the most epochs up to its budget, or, failing that, from any kept
/// checkpoint of the same parameter (equally valid, as every trial trains with the same seed). The trial's
/// <see cref="TrialSettings.PreviousBudget"/> is then set to the epochs it really started from (null for a fresh start)
/// and <see cref="TrialResult.SpentBudget"/> reports the epochs it trained: all of them for a fresh start, only the
/// extra ones when it continued.</para>
/// <para>With <see cref="CnnTrialRunnerOptions.ReportEpochs"/> (the default) a trial reports its loss after every
/// epoch (<see cref="TrialSettings.Report"/>), so that the experiment's pruner (<c>SetPruner</c>) can stop it: a
/// stopped trial keeps its checkpoint, is recorded as <see cref="TrialStatus.Pruned"/> with the loss of its last epoch,
/// and is charged only the epochs it trained.</para>
/// </remarks>
public sealed class CnnTrialRunner : ITrialRunner
{
    private readonly ImageDataset _train;
    private readonly ImageDataset _validation;
    private readonly CnnTrialRunnerOptions _options;
    private readonly CnnTrainer _trainer;
    private readonly object _gate = new();
    // Checkpoints by key ("config:<id>" or "parameter:<json>"); each entry remembers its parameter, so that an id
    // reused by another run (ids are unique only within one) never continues a different configuration.
    private readonly Dictionary<string, Entry> _checkpoints = new(StringComparer.Ordinal);
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

    /// <summary>The fewest epochs of a trial (<see cref="CnnTrialRunnerOptions.MinEpochs"/>).</summary>
    public int MinEpochs => _options.MinEpochs;

    /// <summary>The epochs of a full-budget trial (<see cref="CnnTrialRunnerOptions.MaxEpochs"/>).</summary>
    public int MaxEpochs => _options.MaxEpochs;

    /// <summary>The budgets, in epochs, this runner expects: [<see cref="MinEpochs"/>, <see cref="MaxEpochs"/>]. Give a
    /// multi-fidelity tuner the same range (for example <c>new BohbOptions { MinBudget = runner.MinEpochs, MaxBudget =
    /// runner.MaxEpochs, RoundBudgets = true }</c>).</summary>
    public BudgetRange BudgetRange => new(_options.MinEpochs, _options.MaxEpochs);

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
        var parameterKey = settings.Parameter.ToString();
        var key = KeyOf(settings.ConfigId, parameterKey);
        var resume = FindCheckpoint(key, parameterKey, epochs);
        // What the trial really starts from, which is what the budget accounting charges for.
        settings.PreviousBudget = resume is null ? null : resume.Epochs;
        var result = _trainer.Train(configuration, _train, _validation, epochs, resume, ct,
            _options.ReportEpochs ? e => settings.Report(e.Epoch, LossOf(e.ValidationLoss, e.ValidationAccuracy)) : null);
        var trained = result.Epochs - (resume?.Epochs ?? 0);
        if (result.Diverged || result.Checkpoint is null)
        {
            return new TrialResult
            {
                TrialSettings = settings,
                Status = TrialStatus.Failed,
                Error = string.Create(CultureInfo.InvariantCulture, $"Training diverged (loss {result.TrainingLoss}) in epoch {result.Epochs}."),
                SpentBudget = trained,
                DurationInMilliseconds = result.Duration.TotalMilliseconds,
            };
        }
        Store(key, parameterKey, result.Checkpoint);
        var loss = LossOf(result.ValidationLoss, result.ValidationAccuracy);
        if (result.Stopped)
        {
            return new TrialResult
            {
                TrialSettings = settings,
                Status = TrialStatus.Pruned,
                Error = string.Create(CultureInfo.InvariantCulture, $"Pruned after epoch {result.Epochs} of {epochs} (loss {loss:G6})."),
                Loss = loss,
                Metric = result.ValidationAccuracy,
                DurationInMilliseconds = result.Duration.TotalMilliseconds,
                SpentBudget = trained,
            };
        }
        return new TrialResult
        {
            TrialSettings = settings,
            Loss = loss,
            Metric = result.ValidationAccuracy,
            DurationInMilliseconds = result.Duration.TotalMilliseconds,
            SpentBudget = trained,
        };
    }

    /// <summary>The checkpoint of <paramref name="parameter"/> with the most epochs, if one is kept.</summary>
    public CnnCheckpoint? GetCheckpoint(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var parameterKey = parameter.ToString();
        lock (_gate)
            return _checkpoints.Values.Where(e => e.ParameterKey == parameterKey).SelectMany(e => e.Checkpoints).MaxBy(c => c.Epochs);
    }

    /// <summary>The checkpoint a trial left with the most epochs (kept under its <see cref="TrialSettings.ConfigId"/>
    /// when it has one, else under its parameter), if one is kept.</summary>
    public CnnCheckpoint? GetCheckpoint(TrialSettings trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var parameterKey = trial.Parameter.ToString();
        lock (_gate)
            return _checkpoints.TryGetValue(KeyOf(trial.ConfigId, parameterKey), out var entry) && entry.ParameterKey == parameterKey
                ? entry.Checkpoints.MaxBy(c => c.Epochs)
                : GetCheckpoint(trial.Parameter);
    }

    private double LossOf(double validationLoss, double accuracy) =>
        _options.Objective == CnnObjective.ValidationError ? 1 - accuracy : validationLoss;

    private int EpochsOf(double? budget)
    {
        if (budget is null) return _options.MaxEpochs;
        if (!double.IsFinite(budget.Value) || budget.Value <= 0)
            throw new ArgumentOutOfRangeException(nameof(budget), budget, "A trial's budget (epochs) must be a finite number > 0.");
        return Math.Max(1, (int)Math.Min(int.MaxValue, Math.Round(budget.Value, MidpointRounding.AwayFromZero)));
    }

    private static string KeyOf(int? configId, string parameterKey) =>
        configId is { } id ? string.Create(CultureInfo.InvariantCulture, $"config:{id}") : "parameter:" + parameterKey;

    private CnnCheckpoint? FindCheckpoint(string key, string parameterKey, int epochs)
    {
        lock (_gate)
        {
            if (_checkpoints.TryGetValue(key, out var entry) && entry.ParameterKey == parameterKey
                && entry.Checkpoints.Where(c => c.Epochs <= epochs).MaxBy(c => c.Epochs) is { } own)
                return own;
            return _checkpoints.Values.Where(e => e.ParameterKey == parameterKey)
                .SelectMany(e => e.Checkpoints).Where(c => c.Epochs <= epochs).MaxBy(c => c.Epochs);
        }
    }

    private void Store(string key, string parameterKey, CnnCheckpoint checkpoint)
    {
        if (_options.MaxStoredCheckpoints == 0) return;
        lock (_gate)
        {
            if (_checkpoints.TryGetValue(key, out var entry) && entry.ParameterKey != parameterKey)
            {
                // The id now names another configuration (a new run): its old checkpoints are no use under it.
                foreach (var old in entry.Checkpoints) Forget(key, old);
                _checkpoints.Remove(key);
                entry = null;
            }
            if (entry is null) _checkpoints[key] = entry = new Entry(parameterKey);
            if (entry.Checkpoints.Any(c => c.Epochs == checkpoint.Epochs)) return;
            entry.Checkpoints.Add(checkpoint);
            _order.Enqueue((key, checkpoint));
            while (_order.Count > _options.MaxStoredCheckpoints)
            {
                var (oldKey, old) = _order.Dequeue();
                if (!_checkpoints.TryGetValue(oldKey, out var oldEntry)) continue;
                oldEntry.Checkpoints.Remove(old);
                if (oldEntry.Checkpoints.Count == 0) _checkpoints.Remove(oldKey);
            }
        }
    }

    // Drops a checkpoint from the eviction order (a rare rebuild of a short queue).
    private void Forget(string key, CnnCheckpoint checkpoint)
    {
        var kept = _order.Where(o => !(o.Key == key && ReferenceEquals(o.Checkpoint, checkpoint))).ToList();
        _order.Clear();
        foreach (var o in kept) _order.Enqueue(o);
    }

    private sealed class Entry(string parameterKey)
    {
        public string ParameterKey { get; } = parameterKey;

        public List<CnnCheckpoint> Checkpoints { get; } = [];
    }
}
