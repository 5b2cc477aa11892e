using System.Globalization;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// The schedule of Hyperband (Li et al., JMLR 2018) and of its asynchronous variant ASHA (Li et al., MLSys 2020):
/// the budget range, the reduction factor <see cref="Eta"/> and whether rungs wait for each other.
/// </summary>
/// <remarks>
/// Defaults: <see cref="MinBudget"/> 1, <see cref="MaxBudget"/> 81, <see cref="Eta"/> 3 (so five rungs, budgets 1, 3,
/// 9, 27, 81), synchronous, budgets not rounded. The rung budgets are <c>MaxBudget · Eta^-k</c> for
/// k = 0 .. s_max with s_max = ⌊log_Eta(MaxBudget / MinBudget)⌋, so the smallest is at least <see cref="MinBudget"/>;
/// see <see cref="HyperbandSchedule"/>.
/// </remarks>
public class HyperbandOptions
{
    /// <summary>The smallest budget a trial may get, greater than 0. Default 1.</summary>
    public double MinBudget { get; init; } = 1;

    /// <summary>The full budget, at least <see cref="MinBudget"/>. Default 81.</summary>
    public double MaxBudget { get; init; } = 81;

    /// <summary>The reduction factor, greater than 1: each rung keeps the best 1/Eta of the configurations and gives
    /// them Eta times the budget. Default 3.</summary>
    public double Eta { get; init; } = 3;

    /// <summary>When true, runs asynchronous successive halving (ASHA) instead of Hyperband's synchronous brackets: a
    /// configuration is promoted as soon as it is in the best 1/Eta of the results of its rung so far, so no worker
    /// ever waits for a rung to fill. Meant for many parallel workers. Default false.</summary>
    public bool Asynchronous { get; init; }

    /// <summary>Rounds each rung's budget to the nearest whole number (kept within the range), for budgets counted in
    /// whole epochs or samples when MaxBudget / MinBudget is not a power of Eta. Default false.</summary>
    public bool RoundBudgets { get; init; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it.</exception>
    public virtual void Validate()
    {
        if (!(MinBudget > 0 && double.IsFinite(MinBudget)))
            throw new ArgumentOutOfRangeException(nameof(MinBudget), MinBudget, "MinBudget must be a finite number greater than 0.");
        if (!(MaxBudget >= MinBudget && double.IsFinite(MaxBudget)))
            throw new ArgumentOutOfRangeException(nameof(MaxBudget), MaxBudget,
                string.Create(CultureInfo.InvariantCulture, $"MaxBudget must be a finite number of at least MinBudget ({MinBudget})."));
        if (!(Eta > 1 && double.IsFinite(Eta)))
            throw new ArgumentOutOfRangeException(nameof(Eta), Eta, "Eta must be a finite number greater than 1.");
        if (RoundBudgets && Math.Round(MaxBudget) < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxBudget), MaxBudget, "With RoundBudgets, MaxBudget must round to at least 1.");
    }
}
