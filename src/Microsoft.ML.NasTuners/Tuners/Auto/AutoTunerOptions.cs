using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>Options of <see cref="AutoTuner"/>: what it knows of the experiment beyond the search space. An experiment
/// that builds its default tuner fills them from its own settings; every one may be left at its default when the
/// experiment's settings are unknown.</summary>
public sealed class AutoTunerOptions
{
    /// <summary>The most trials the run starts; null (default) when unknown or when a time limit ends the run. The
    /// rules start GP-BO either way; a known limit only says in the decision whether the run will outgrow it.</summary>
    public int? MaxTrials { get; set; }

    /// <summary>How many trials run at once; default 1.</summary>
    public int DegreeOfParallelism { get; set; } = 1;

    /// <summary>The budget range of a multi-fidelity run; null (default) for a single-fidelity one.</summary>
    public BudgetRange? Budgets { get; set; }

    /// <summary>Round the budgets a multi-fidelity tuner proposes to whole numbers (epochs, samples); default false.</summary>
    public bool RoundBudgets { get; set; }

    /// <summary>The space's architecture encoding, when it describes architectures; null (default) otherwise.</summary>
    public IArchitectureEncoding? Architecture { get; set; }

    /// <summary>Leave GP-BO for multivariate TPE once GP proposals take longer than the trials they propose (the median
    /// of the last 10 proposals above both the median trial duration and 1 s). Default false: proposal time is
    /// wall-clock time, so with this on the same seed may give other proposals on another machine. An experiment with a
    /// time limit, which depends on wall-clock time anyway, turns it on for its default tuner.</summary>
    public bool LeaveGpWhenProposalsCostMore { get; set; }
}
