namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// BOHB (Falkner, Klein and Hutter, ICML 2018): Hyperband's brackets of successive halving, with new configurations
/// proposed by a model instead of at random, which keeps Hyperband's strong anytime performance and adds a model's
/// strong final performance.
/// </summary>
/// <remarks>
/// <para>For each budget, BOHB sorts the configurations evaluated there by loss and fits a multivariate kernel
/// density l(x) to the best <see cref="BohbOptions.TopFraction"/> (15%) and g(x) to the rest
/// (<see cref="Surrogates.ProductKernelDensity"/>: Gaussian kernels on the [0,1] coordinates of numbers,
/// Aitchison-Aitken kernels on categoricals). The model comes from the largest budget where both densities have at
/// least <see cref="BohbOptions.MinPointsInModel"/> (d + 1) points. A new configuration is the best, by l(x)/g(x), of
/// <see cref="BohbOptions.CandidateCount"/> (64) draws from l with bandwidths widened by
/// <see cref="BohbOptions.BandwidthFactor"/> (3); a fraction <see cref="BohbOptions.RandomFraction"/> (1/3) of new
/// configurations, and all of them until some budget has a model, are drawn uniformly at random instead.</para>
/// <para>Conditional spaces: a parameter is modelled only from the trials where it was active. Failed trials count as
/// the worst losses. As <see cref="HyperbandTuner"/>, <see cref="Propose"/> writes the budget, the config id and, for
/// a promotion, the previous budget, and runs synchronously or, with <see cref="HyperbandOptions.Asynchronous"/>, as
/// ASHA.</para>
/// </remarks>
public sealed class BohbTuner : IMultiFidelityTuner
{
    private readonly MultiFidelityDriver _driver;
    private readonly BohbSampler _sampler;

    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="options">The options; default <c>new BohbOptions()</c> (see <see cref="BohbOptions"/>).</param>
    /// <param name="seed">The seed of every random choice.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public BohbTuner(SearchSpace searchSpace, BohbOptions? options = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(searchSpace);
        Options = options ?? new BohbOptions();
        Schedule = new HyperbandSchedule(Options);
        BudgetRange = MultiFidelityBudgets.RangeOf(Schedule);
        var view = searchSpace.ModelView;
        _sampler = new BohbSampler(view, Options, new Random(seed));
        _driver = new MultiFidelityDriver(view, MultiFidelityBudgets.CreateScheduler(Schedule), _sampler);
    }

    /// <summary>The options.</summary>
    public BohbOptions Options { get; }

    /// <summary>The brackets and rung budgets this tuner runs.</summary>
    public HyperbandSchedule Schedule { get; }

    /// <inheritdoc />
    public BudgetRange BudgetRange { get; }

    /// <summary>The budget whose observations the model comes from: the largest with enough of them; null while no
    /// budget has enough and proposals are random.</summary>
    public double? ModelBudget => _sampler.ModelOf(_driver.Trials)?.Budget;

    /// <inheritdoc />
    public Parameter Propose(TrialSettings settings) => _driver.Propose(settings);

    /// <inheritdoc />
    public void Update(TrialResult result) => _driver.Update(result);
}
