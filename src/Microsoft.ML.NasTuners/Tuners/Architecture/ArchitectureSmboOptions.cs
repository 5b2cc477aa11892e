namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>Options of <see cref="ArchitectureSmboTuner"/> and its facades. The defaults were calibrated on
/// NAS-Bench-201 (15,625 cells) and suit cell spaces of that size.</summary>
public sealed class ArchitectureSmboOptions
{
    /// <summary>Random architectures proposed before the model takes over; default 10. At least 1.</summary>
    public int InitialTrials { get; set; } = 10;

    /// <summary>The best evaluated architectures whose one-exchange mutations are scored; default 20. At least 0.</summary>
    public int Parents { get; set; } = 20;

    /// <summary>Random architectures scored per proposal; default 1000. At least 0.</summary>
    public int RandomCandidates { get; set; } = 1000;

    /// <summary>Further generations of the acquisition search, each mutating the best-scoring candidates; default 3.
    /// At least 0.</summary>
    public int Generations { get; set; } = 3;

    /// <summary>Candidates mutated per further generation; default 10. At least 1.</summary>
    public int GenerationParents { get; set; } = 10;

    /// <summary>How losses are transformed before the model sees them; default <see cref="SmacLossTransform.Log"/>
    /// (log of the distance above a shifted best, as in SMAC), which keeps a few very bad architectures from
    /// flattening the model where the good ones differ.</summary>
    public SmacLossTransform LossTransform { get; set; } = SmacLossTransform.Log;

    internal void Validate()
    {
        Check(InitialTrials >= 1, nameof(InitialTrials), InitialTrials, "at least 1");
        Check(Parents >= 0, nameof(Parents), Parents, "at least 0");
        Check(RandomCandidates >= 0, nameof(RandomCandidates), RandomCandidates, "at least 0");
        Check(Parents + RandomCandidates >= 1, nameof(RandomCandidates), Parents + RandomCandidates, "Parents + RandomCandidates at least 1");
        Check(Generations >= 0, nameof(Generations), Generations, "at least 0");
        Check(GenerationParents >= 1, nameof(GenerationParents), GenerationParents, "at least 1");
        Check(Enum.IsDefined(LossTransform), nameof(LossTransform), LossTransform, string.Join(", ", Enum.GetNames<SmacLossTransform>()));
    }

    private static void Check(bool ok, string name, object? value, string allowed)
    {
        if (!ok) throw new ArgumentOutOfRangeException(name, value, $"ArchitectureSmboOptions.{name} is {value}; allowed: {allowed}.");
    }
}
