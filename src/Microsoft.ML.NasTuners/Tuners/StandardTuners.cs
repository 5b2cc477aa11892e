namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>Builds a standard tuner from its <see cref="TunerKind"/>, with that tuner's default options.</summary>
public static class StandardTuners
{
    /// <summary>Creates a tuner of <paramref name="kind"/> over <paramref name="searchSpace"/>.</summary>
    /// <param name="kind">Which tuner.</param>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="seed">The seed of every random choice the tuner makes.</param>
    /// <param name="budgets">The budgets of a multi-fidelity kind (<see cref="IsMultiFidelity"/>); ignored by the
    /// others, except <see cref="TunerKind.Auto"/>, which reads them when given.</param>
    /// <exception cref="ArgumentException">A multi-fidelity kind without <paramref name="budgets"/>, or an unknown
    /// kind.</exception>
    public static ITuner Create(TunerKind kind, SearchSpace searchSpace, int seed, BudgetRange? budgets = null)
    {
        ArgumentNullException.ThrowIfNull(searchSpace);
        if (IsMultiFidelity(kind) && budgets is null)
            throw new ArgumentException($"Tuner kind {kind} is multi-fidelity and needs a budget range.", nameof(budgets));
        return kind switch
        {
            TunerKind.Random => new RandomSearchTuner(searchSpace, seed),
            TunerKind.Sobol => new SobolTuner(searchSpace, seed),
            TunerKind.Smac => new SmacTuner(searchSpace, seed: seed),
            TunerKind.Tpe => new TpeTuner(searchSpace, null, seed),
            TunerKind.TpeMultivariate => new TpeTuner(searchSpace, new TpeOptions { Multivariate = true }, seed),
            TunerKind.Gp => new GpTuner(searchSpace, null, seed),
            TunerKind.GpMap => new GpTuner(searchSpace, new GpOptions { HyperparameterMode = HyperparameterMode.Map }, seed),
            TunerKind.Evolution => new RegularizedEvolutionTuner(searchSpace, null, seed),
            TunerKind.Hyperband => new HyperbandTuner(searchSpace, Schedule(budgets!, asynchronous: false), seed),
            TunerKind.Asha => new HyperbandTuner(searchSpace, Schedule(budgets!, asynchronous: true), seed),
            TunerKind.Bohb => new BohbTuner(searchSpace, new BohbOptions { MinBudget = budgets!.Min, MaxBudget = budgets.Max }, seed),
            TunerKind.Auto => new AutoTuner(searchSpace, new AutoTunerOptions { Budgets = budgets }, seed),
            _ => throw new ArgumentException($"Unknown tuner kind {kind}. Kinds: {string.Join(", ", Enum.GetNames<TunerKind>())}.", nameof(kind)),
        };
    }

    /// <summary>True for the kinds that choose each trial's budget (<see cref="IMultiFidelityTuner"/>).</summary>
    public static bool IsMultiFidelity(TunerKind kind) => kind is TunerKind.Hyperband or TunerKind.Asha or TunerKind.Bohb;

    private static HyperbandOptions Schedule(BudgetRange budgets, bool asynchronous) =>
        new() { MinBudget = budgets.Min, MaxBudget = budgets.Max, Asynchronous = asynchronous };
}
