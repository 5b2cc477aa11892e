using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>Which trials each plot reads, chosen once so that the plots and the report agree.</summary>
internal static class StudyTrials
{
    /// <summary>Trials that ended with a loss: succeeded, or pruned (their last reported value).</summary>
    public static StudyTrial[] WithLoss(StudyData study) => study.Trials
        .Where(t => t.Status is TrialStatus.Succeeded or TrialStatus.Pruned && double.IsFinite(t.Loss))
        .ToArray();

    /// <summary>What the slices, the parallel coordinates and the importance model: succeeded trials with a finite
    /// loss at the largest budget of the study (a null budget counts as the full one), so that losses measured at
    /// a low fidelity are not compared with full ones.</summary>
    public static StudyTrial[] AtFullBudget(StudyData study)
    {
        var succeeded = study.Trials.Where(t => t.Status == TrialStatus.Succeeded && double.IsFinite(t.Loss)).ToArray();
        if (succeeded.All(t => t.Budget is null)) return succeeded;
        var full = succeeded.Max(t => t.Budget ?? double.PositiveInfinity);
        return succeeded.Where(t => (t.Budget ?? double.PositiveInfinity) == full).ToArray();
    }

    /// <summary>The study's best trial by the trial history's rule (the highest budget first, then the lowest loss),
    /// or null when none succeeded.</summary>
    public static StudyTrial? Best(StudyData study)
    {
        var history = new TrialHistory();
        foreach (var t in study.Trials) history.Add(t.ToSettings(), TrialOrigin.Tuner, t.ToResult());
        return history.Incumbent is { } best ? study.Trials.First(t => t.Id == best.TrialSettings.TrialId) : null;
    }

    /// <summary>True when the study has budgets (a multi-fidelity run).</summary>
    public static bool HasBudgets(StudyData study) => study.Trials.Any(t => t.Budget is not null);
}
