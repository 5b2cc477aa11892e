namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// Hyperband (Li et al., JMLR 2018): brackets of successive halving over random configurations. Each bracket starts
/// many configurations at a small budget and promotes the best 1/η of each rung to η times the budget, up to the full
/// budget; brackets trade many cheap evaluations against few full ones (see <see cref="HyperbandSchedule"/>). With
/// <see cref="HyperbandOptions.Asynchronous"/> it runs ASHA instead, for many parallel workers.
/// </summary>
/// <remarks>
/// <see cref="Propose"/> writes the trial's <see cref="TrialSettings.Budget"/>, <see cref="TrialSettings.ConfigId"/>
/// (kept when a configuration is promoted) and, for a promotion, <see cref="TrialSettings.PreviousBudget"/> (the budget
/// it already ran at, which a continuable objective resumes from). <see cref="Update"/> records the result in its
/// rung; a failed trial is never promoted. Propose may be called while rungs wait for results: the work then comes
/// from the next bracket. The same seed gives the same proposals when results arrive in the same order.
/// </remarks>
public sealed class HyperbandTuner : IMultiFidelityTuner
{
    private readonly MultiFidelityDriver _driver;

    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="options">The schedule; default <c>new HyperbandOptions()</c> (budgets 1 to 81, η = 3).</param>
    /// <param name="seed">The seed of the random configurations.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public HyperbandTuner(SearchSpace searchSpace, HyperbandOptions? options = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(searchSpace);
        Schedule = new HyperbandSchedule(options ?? new HyperbandOptions());
        BudgetRange = MultiFidelityBudgets.RangeOf(Schedule);
        var view = searchSpace.ModelView;
        _driver = new MultiFidelityDriver(view, MultiFidelityBudgets.CreateScheduler(Schedule),
            new RandomConfigurationSampler(view, new Random(seed)));
    }

    /// <summary>The brackets and rung budgets this tuner runs.</summary>
    public HyperbandSchedule Schedule { get; }

    /// <inheritdoc />
    public BudgetRange BudgetRange { get; }

    /// <inheritdoc />
    public Parameter Propose(TrialSettings settings) => _driver.Propose(settings);

    /// <inheritdoc />
    public void Update(TrialResult result) => _driver.Update(result);
}
