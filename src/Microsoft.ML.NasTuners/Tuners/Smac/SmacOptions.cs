using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// Options of <see cref="SmacTuner"/>. The defaults follow SMAC (Hutter, Hoos and Leyton-Brown, LION 2011) and
/// SMAC3's hyper-parameter optimisation set-up, except where noted.
/// </summary>
public sealed class SmacOptions
{
    /// <summary>The number of random trials before the forest takes over; null (the default) means
    /// max(10, 2 d) for a space of d model-view dimensions. At least 1 when set. The forest also waits until two
    /// trials have succeeded.</summary>
    public int? InitialTrials { get; init; }

    /// <summary>After the initial design, the probability that a proposal is drawn at random instead of from the
    /// model, which keeps SMAC convergent when the model misleads it. Default 0.2. In [0, 1].</summary>
    public double RandomProposalProbability { get; init; } = 0.2;

    /// <summary>How the losses are transformed before the forest models them. Default
    /// <see cref="SmacLossTransform.CompressWorseHalf"/>; <see cref="SmacLossTransform.Log"/> (SMAC's log scaling and
    /// log EI) suits runtime-like objectives spread over orders of magnitude.</summary>
    public SmacLossTransform LossTransform { get; init; } = SmacLossTransform.CompressWorseHalf;

    /// <summary>The random forest (see <see cref="RandomForestOptions"/> for its defaults: 10 trees, bootstrap,
    /// 3 points to split, 1 per leaf, 5/6 of the features per split, no depth limit).</summary>
    public RandomForestOptions Forest { get; init; } = new();

    /// <summary>Random points scored by the acquisition at each model-based proposal; the best of them are also
    /// starts of the local search. Default 5000. At least 1.</summary>
    public int RandomCandidates { get; init; } = 5000;

    /// <summary>Local-search starts taken from the best trials so far. Default 10. At least 0.</summary>
    public int LocalSearchStartsFromBest { get; init; } = 10;

    /// <summary>Local-search starts taken from the best-scored random candidates. Default 10. At least 0.</summary>
    public int LocalSearchStartsFromRandom { get; init; } = 10;

    /// <summary>The most moves of one local-search walker. Default 50. At least 1.</summary>
    public int LocalSearchMaxSteps { get; init; } = 50;

    /// <summary>The most consecutive moves to an equally scored neighbour in the local search. Default 10. At least 0.</summary>
    public int LocalSearchPlateauSteps { get; init; } = 10;

    /// <summary>Gaussian moves per numeric dimension in the one-exchange neighbourhood. Default 4. At least 1.</summary>
    public int NumericNeighbours { get; init; } = 4;

    /// <summary>The standard deviation of a numeric move, in unit scale. Default 0.2. In (0, 1].</summary>
    public double NumericStepSd { get; init; } = 0.2;

    /// <summary>The initial design size for a space of <paramref name="dimensions"/> model-view dimensions.</summary>
    public int InitialTrialsFor(int dimensions) => InitialTrials ?? Math.Max(10, 2 * dimensions);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option outside its range.</summary>
    public void Validate()
    {
        if (InitialTrials is < 1)
            throw new ArgumentOutOfRangeException(nameof(InitialTrials), InitialTrials, "InitialTrials must be at least 1, or null for max(10, 2d).");
        if (!(RandomProposalProbability >= 0 && RandomProposalProbability <= 1))
            throw new ArgumentOutOfRangeException(nameof(RandomProposalProbability), RandomProposalProbability, "RandomProposalProbability must lie in [0, 1].");
        if (!Enum.IsDefined(LossTransform))
            throw new ArgumentOutOfRangeException(nameof(LossTransform), LossTransform, $"LossTransform must be one of {string.Join(", ", Enum.GetNames<SmacLossTransform>())}.");
        ArgumentNullException.ThrowIfNull(Forest, nameof(Forest));
        Forest.Validate();
        if (RandomCandidates < 1)
            throw new ArgumentOutOfRangeException(nameof(RandomCandidates), RandomCandidates, "RandomCandidates must be at least 1.");
        if (LocalSearchStartsFromBest < 0)
            throw new ArgumentOutOfRangeException(nameof(LocalSearchStartsFromBest), LocalSearchStartsFromBest, "LocalSearchStartsFromBest must be at least 0.");
        if (LocalSearchStartsFromRandom < 0)
            throw new ArgumentOutOfRangeException(nameof(LocalSearchStartsFromRandom), LocalSearchStartsFromRandom, "LocalSearchStartsFromRandom must be at least 0.");
        if (LocalSearchMaxSteps < 1)
            throw new ArgumentOutOfRangeException(nameof(LocalSearchMaxSteps), LocalSearchMaxSteps, "LocalSearchMaxSteps must be at least 1.");
        if (LocalSearchPlateauSteps < 0)
            throw new ArgumentOutOfRangeException(nameof(LocalSearchPlateauSteps), LocalSearchPlateauSteps, "LocalSearchPlateauSteps must be at least 0.");
        if (NumericNeighbours < 1)
            throw new ArgumentOutOfRangeException(nameof(NumericNeighbours), NumericNeighbours, "NumericNeighbours must be at least 1.");
        if (!(NumericStepSd > 0 && NumericStepSd <= 1))
            throw new ArgumentOutOfRangeException(nameof(NumericStepSd), NumericStepSd, "NumericStepSd must lie in (0, 1].");
    }
}
