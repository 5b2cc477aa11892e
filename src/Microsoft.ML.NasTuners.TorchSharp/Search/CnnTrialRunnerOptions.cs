namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>Settings of <see cref="CnnTrialRunner"/>.</summary>
public sealed class CnnTrialRunnerOptions
{
    /// <summary>The epochs of a trial without a budget (the full budget), &gt;= <see cref="MinEpochs"/>. Default 20.</summary>
    public int MaxEpochs { get; set; } = 20;

    /// <summary>The fewest epochs a trial trains, 1 to <see cref="MaxEpochs"/>: the smallest budget of the experiment
    /// made by <c>mlContext.Nas().ImageClassification(runner)</c>, whose budget range is [MinEpochs, MaxEpochs].
    /// Default 1.</summary>
    public int MinEpochs { get; set; } = 1;

    /// <summary>Seed of every trial's weights, shuffling and dropout (the same for all trials, so that configurations
    /// are compared on equal terms). Default 0.</summary>
    public long Seed { get; set; }

    /// <summary>The most threads torch may use; null (the default) for all cores. The limit is process-wide: with
    /// several trials at once, give each cores / degree of parallelism.</summary>
    public int? MaxThreads { get; set; }

    /// <summary>The loss reported to the tuner. Default <see cref="CnnObjective.ValidationLoss"/>.</summary>
    public CnnObjective Objective { get; set; } = CnnObjective.ValidationLoss;

    /// <summary>The most checkpoints kept for continuing configurations at a higher budget (oldest dropped first);
    /// 0 keeps none. Default 128.</summary>
    public int MaxStoredCheckpoints { get; set; } = 128;

    /// <summary>Whether a trial evaluates the validation set after every epoch and reports its loss there
    /// (<see cref="TrialSettings.Report"/>), which lets the experiment's pruner stop it early. Default true; false
    /// evaluates only after the last epoch (cheaper when nothing prunes).</summary>
    public bool ReportEpochs { get; set; } = true;

    internal void Validate()
    {
        if (MaxEpochs < 1) throw new ArgumentOutOfRangeException(nameof(MaxEpochs), MaxEpochs, "MaxEpochs must be at least 1.");
        if (MinEpochs < 1 || MinEpochs > MaxEpochs)
            throw new ArgumentOutOfRangeException(nameof(MinEpochs), MinEpochs, $"MinEpochs must lie in [1, MaxEpochs ({MaxEpochs})].");
        if (MaxThreads is < 1) throw new ArgumentOutOfRangeException(nameof(MaxThreads), MaxThreads, "MaxThreads must be at least 1 (or null for all cores).");
        if (!Enum.IsDefined(Objective)) throw new ArgumentOutOfRangeException(nameof(Objective), Objective, "Unknown objective.");
        if (MaxStoredCheckpoints < 0) throw new ArgumentOutOfRangeException(nameof(MaxStoredCheckpoints), MaxStoredCheckpoints, "MaxStoredCheckpoints must be at least 0.");
    }
}
