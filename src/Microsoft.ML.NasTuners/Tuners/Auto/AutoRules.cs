namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// The rules of <see cref="AutoTuner"/>, each justified by a measured table in docs/tuners/auto.md: which tuner starts
/// a run, and when a run leaves GP-BO.
/// </summary>
internal static class AutoRules
{
    /// <summary>The most model-view dimensions GP-BO was measured to win on: <c>levy10</c> (10) in the review's
    /// <c>mid_high_dim</c> condition (docs/review/README.md, seeds 1-10), where gp-map has the best median at 100 and 200
    /// trials (4.44 and 3.44 against tpe-mv's 19.6 and 14.8) and the best mean rank of the condition at 200.</summary>
    public const int GpMaxDimensions = 10;

    /// <summary>The largest categorical GP-BO was measured on: <c>mixed3</c>'s branch, 3 choices.</summary>
    public const int GpMaxChoices = 3;

    /// <summary>The most parallel workers a rule trusts GP-BO with: the review's <c>parallel4</c> and <c>parallel8</c>
    /// conditions (docs/review/README.md, 4 and 8 workers, seeds 1-10) have gp and gp-map first at 50 and 100 trials,
    /// by orders of magnitude on branin, hartmann6 and mixed3; more workers are not measured.</summary>
    public const int GpMaxParallelism = 8;

    /// <summary>Finished trials after which an unconditional run leaves GP-BO: its tables stop at 200 trials
    /// (docs/tuners/gp-bo.md, Hartmann-6), and tpe-mv is the best measured tuner at 200 (docs/tuners/tpe.md).</summary>
    public const int GpMaxTrials = 200;

    /// <summary>Finished trials after which a conditional run leaves GP-BO: the review's <c>conditional</c> condition
    /// (docs/review/README.md, seeds 1-10) has gp-map first at 100 trials, its largest budget, significantly ahead of
    /// tpe-mv, smac and tpe.</summary>
    public const int GpMaxConditionalTrials = 100;

    /// <summary>Full budgets a multi-fidelity run that suits GP-BO spends with BOHB before it moves to GP-BO at the
    /// full budget: the review's <c>multi_fidelity</c> condition (seeds 1-10) has bohb first at 10 and 25 full budgets
    /// and gp-map first at 50 and 100; of switches after 10, 15, 20, 25 and 30 full budgets (same seeds), 15 has the
    /// best or nearly the best mean rank at 25, 50 and 100 (docs/tuners/auto.md).</summary>
    public const double BohbFullBudgetsBeforeGp = 15;

    /// <summary>How many of the latest proposals the cost rule takes the median of.</summary>
    public const int CostWindow = 10;

    /// <summary>The proposal time below which GP-BO is never left for its cost, whatever the trials take.</summary>
    public const double CostFloorMilliseconds = 1000;

    /// <summary>The tuner a run starts with, and the rule that chose it.</summary>
    public static (AutoChoice Choice, string Rule) Start(AutoProfile profile)
    {
        if (profile.HasArchitecture)
            return (AutoChoice.StringKernelGp, "architecture encoding");
        if (SuitsGp(profile) && profile.IsMultiFidelity)
            return (AutoChoice.Bohb, $"budget range, few dimensions; gp-map at the full budget after {BohbFullBudgetsBeforeGp:0.##} full budgets");
        if (SuitsGp(profile))
        {
            var where = profile.HasConditions ? ", conditional" : "";
            // A known trial limit says up front whether the run will outgrow GP-BO; an unknown one finds out.
            var later = profile.MaxTrials > GpTrialLimit(profile) ? $"; tpe-mv after {GpTrialLimit(profile)} trials" : "";
            return (AutoChoice.GpMap, $"few dimensions{where}{later}");
        }
        if (profile.IsMultiFidelity)
            return (AutoChoice.Bohb, "budget range");
        return (AutoChoice.TpeMultivariate, profile.DegreeOfParallelism > GpMaxParallelism
            ? "many parallel workers"
            : "many dimensions or large categoricals");
    }

    /// <summary>How many finished trials GP-BO is kept for in this space.</summary>
    public static int GpTrialLimit(AutoProfile profile) => profile.HasConditions ? GpMaxConditionalTrials : GpMaxTrials;

    /// <summary>The rule that leaves GP-BO now, or null to stay.</summary>
    /// <param name="profile">The run.</param>
    /// <param name="finishedTrials">Trials finished so far.</param>
    /// <param name="cost">The proposal costs, or null when the cost rule is off.</param>
    public static string? LeaveGp(AutoProfile profile, int finishedTrials, ProposalCostMonitor? cost)
    {
        var limit = GpTrialLimit(profile);
        if (finishedTrials >= limit)
            return $"{finishedTrials} finished trials, past GP-BO's measured {limit}";
        if (cost is not null && cost.ProposalsOutweighTrials(CostFloorMilliseconds))
            return $"median proposal {cost.MedianRecentProposalMilliseconds():0} ms over the median trial {cost.MedianTrialMilliseconds():0} ms";
        return null;
    }

    /// <summary>The rule that leaves BOHB for GP-BO now, or null to stay: only where GP-BO suits the space, once the
    /// finished trials have spent <see cref="BohbFullBudgetsBeforeGp"/> full budgets.</summary>
    /// <param name="profile">The run.</param>
    /// <param name="spentFullBudgets">The budget the finished trials spent, in full budgets.</param>
    public static string? LeaveBohb(AutoProfile profile, double spentFullBudgets) =>
        SuitsGp(profile) && profile.IsMultiFidelity && spentFullBudgets >= BohbFullBudgetsBeforeGp
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{spentFullBudgets:0.##} full budgets spent, past BOHB's lead of {BohbFullBudgetsBeforeGp:0.##}")
            : null;

    private static bool SuitsGp(AutoProfile profile) =>
        profile.Dimensions <= GpMaxDimensions
        && profile.LargestChoiceCount <= GpMaxChoices
        && profile.DegreeOfParallelism <= GpMaxParallelism;
}
