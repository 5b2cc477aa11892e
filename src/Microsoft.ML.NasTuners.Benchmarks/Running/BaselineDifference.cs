using System.Globalization;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// One run whose re-run does not match its baseline: where it first moved and what it was and became there, or that
/// it exists on one side only. <see cref="ToString"/> says so in one line.
/// </summary>
public sealed class BaselineDifference
{
    private BaselineDifference(string problem, string tuner, int seed, int? trial, BaselineTrial? baseline,
        BaselineTrial? rerun, int? baselineTrials, int? rerunTrials)
    {
        Problem = problem;
        Tuner = tuner;
        Seed = seed;
        Trial = trial;
        Baseline = baseline;
        Rerun = rerun;
        BaselineTrials = baselineTrials;
        RerunTrials = rerunTrials;
    }

    internal string Problem { get; }

    internal string Tuner { get; }

    internal int Seed { get; }

    /// <summary>The first trial that differs; null when the run is on one side only.</summary>
    internal int? Trial { get; }

    /// <summary>The baseline's trial at <see cref="Trial"/>; null when the baseline has no such trial.</summary>
    internal BaselineTrial? Baseline { get; }

    /// <summary>The re-run's trial at <see cref="Trial"/>; null when the re-run has no such trial.</summary>
    internal BaselineTrial? Rerun { get; }

    /// <summary>The baseline's number of trials in this run; null when the baseline lacks the run.</summary>
    internal int? BaselineTrials { get; }

    /// <summary>The re-run's number of trials in this run; null when the re-run lacks the run.</summary>
    internal int? RerunTrials { get; }

    /// <summary>Compares one run on both sides; null when it did not move.</summary>
    internal static BaselineDifference? Between(BaselineRun baseline, BaselineRun rerun)
    {
        var shared = Math.Min(baseline.Trials.Count, rerun.Trials.Count);
        var trial = 0;
        while (trial < shared && baseline.Trials[trial] == rerun.Trials[trial])
            trial++;
        if (trial == shared && baseline.Trials.Count == rerun.Trials.Count)
            return null;
        return new BaselineDifference(baseline.Problem, baseline.Tuner, baseline.Seed, trial,
            baseline.Trials.ElementAtOrDefault(trial), rerun.Trials.ElementAtOrDefault(trial),
            baseline.Trials.Count, rerun.Trials.Count);
    }

    internal static BaselineDifference MissingFromRerun(BaselineRun baseline) =>
        new(baseline.Problem, baseline.Tuner, baseline.Seed, null, null, null, baseline.Trials.Count, null);

    internal static BaselineDifference MissingFromBaseline(BaselineRun rerun) =>
        new(rerun.Problem, rerun.Tuner, rerun.Seed, null, null, null, null, rerun.Trials.Count);

    /// <summary>
    /// One line, for example <c>branin / tpe / seed 1: moved at trial 12 (loss 0.5312 -> 0.6107, parameter
    /// 3f2a9c0d1e4b5a6f -> 9b1c0e7d2a3f4b5c)</c>. Losses print in full so that even a last-digit change shows.
    /// </summary>
    public override string ToString()
    {
        var run = BaselineRun.NameOf(Problem, Tuner, Seed);
        if (RerunTrials is null) return $"{run}: in the baseline ({TrialCount(BaselineTrials!.Value)}) but not in the re-run";
        if (BaselineTrials is null) return $"{run}: in the re-run ({TrialCount(RerunTrials.Value)}) but not in the baseline";
        if (Baseline is null || Rerun is null)
            return $"{run}: moved at trial {Trial} (baseline has {TrialCount(BaselineTrials.Value)}, re-run has {TrialCount(RerunTrials.Value)})";

        var changes = new List<string>(4);
        if (!Equals(Baseline.Loss, Rerun.Loss)) changes.Add($"loss {Number(Baseline.Loss)} -> {Number(Rerun.Loss)}");
        if (Baseline.Fingerprint != Rerun.Fingerprint) changes.Add($"parameter {Baseline.Fingerprint} -> {Rerun.Fingerprint}");
        if (Baseline.Status != Rerun.Status) changes.Add($"status {BaselineTrial.StatusName(Baseline.Status)} -> {BaselineTrial.StatusName(Rerun.Status)}");
        if (!Equals(Baseline.Budget, Rerun.Budget)) changes.Add($"budget {Number(Baseline.Budget)} -> {Number(Rerun.Budget)}");
        return $"{run}: moved at trial {Trial} ({string.Join(", ", changes)})";
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "none";

    private static string TrialCount(int count) => count == 1 ? "1 trial" : $"{count} trials";
}
