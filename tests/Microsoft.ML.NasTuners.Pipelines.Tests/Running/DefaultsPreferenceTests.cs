using Microsoft.ML.NasTuners.Pipelines.Running;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Running;

public class DefaultsPreferenceTests
{
    private static PipelineTrial Trial(int id, bool defaults, params double[] foldLosses) => new()
    {
        TrialId = id, Trainer = "Sdca", Parameter = Parameter.CreateNestedParameter(), UsesMlNetDefaults = defaults,
        Status = TrialStatus.Succeeded, Loss = foldLosses.Average(), Budget = 9, FoldLosses = foldLosses,
    };

    [Fact]
    public void The_best_trial_is_kept_when_it_beats_ML_NET_s_defaults_on_every_fold_by_more_than_one_standard_error()
    {
        var defaults = Trial(0, true, 0.30, 0.32, 0.28, 0.31, 0.29);
        var best = Trial(1, false, 0.25, 0.27, 0.24, 0.26, 0.25);

        DefaultsPreference.Choose(best, [defaults, best]).Should().BeSameAs(best);
    }

    [Fact]
    public void The_defaults_are_kept_when_the_best_leads_on_average_by_less_than_one_standard_error()
    {
        // Better on average by 0.01, but on two folds of five worse: the lead is within its standard error.
        var defaults = Trial(0, true, 0.30, 0.32, 0.28, 0.31, 0.29);
        var best = Trial(1, false, 0.26, 0.34, 0.25, 0.33, 0.27);

        best.Loss.Should().BeLessThan(defaults.Loss);
        DefaultsPreference.Choose(best, [defaults, best]).Should().BeSameAs(defaults);
    }

    [Fact]
    public void The_best_trial_at_the_defaults_is_the_reference_and_a_best_that_is_the_defaults_stays()
    {
        var weakDefaults = Trial(0, true, 0.40, 0.40, 0.40, 0.40, 0.40);
        var strongDefaults = Trial(1, true, 0.30, 0.32, 0.28, 0.31, 0.29);
        var best = Trial(2, false, 0.29, 0.33, 0.27, 0.32, 0.28);

        DefaultsPreference.Choose(best, [weakDefaults, strongDefaults, best]).Should().BeSameAs(strongDefaults);
        DefaultsPreference.Choose(strongDefaults, [weakDefaults, strongDefaults, best]).Should().BeSameAs(strongDefaults);
    }

    [Fact]
    public void Without_paired_folds_a_holdout_or_no_trial_at_the_defaults_the_best_is_kept()
    {
        var best = Trial(1, false, 0.26);

        DefaultsPreference.Choose(best, [Trial(0, true, 0.30), best]).Should().BeSameAs(best, "one fold has no standard error");
        DefaultsPreference.Choose(best, [Trial(2, false, 0.40), best]).Should().BeSameAs(best);
        DefaultsPreference.Margin([0.1, 0.2], [0.1, 0.2, 0.3]).Should().BeNull("folds that do not pair");
    }

    [Fact]
    public void The_margin_is_the_mean_fold_difference_and_its_standard_error()
    {
        var margin = DefaultsPreference.Margin([0.2, 0.3, 0.1], [0.3, 0.3, 0.3])!.Value;

        // Differences -0.1, 0, -0.2: mean -0.1, sample standard deviation 0.1, standard error 0.1 / sqrt(3).
        margin.Mean.Should().BeApproximately(-0.1, 1e-12);
        margin.StandardError.Should().BeApproximately(0.1 / Math.Sqrt(3), 1e-12);
    }

    [DataFact("tabular")]
    public async Task A_search_keeps_ML_NET_s_defaults_unless_its_best_beats_them_by_more_than_one_standard_error()
    {
        // On this split the eighth trial, an SDCA proposal, validates a little better than SDCA's defaults, within the
        // standard error of their fold differences.
        var context = new MLContext(seed: 2);
        var (train, test) = TabularSets.Split(context, "diabetes", seed: 2);
        var result = (await context.Nas().Regression(train, TabularSets.Label, test).SetMaxTrials(8).SetEnsembleSize(1).RunAsync()).EnsureModel();

        var succeeded = result.Trials.Where(t => t.Status == TrialStatus.Succeeded).ToArray();
        succeeded.Should().OnlyContain(t => t.FoldLosses.Count == 5 && Math.Abs(t.FoldLosses.Average() - t.Loss) < 1e-9, "5 folds, whose mean is the loss");
        var best = succeeded.MinBy(t => t.Loss)!;
        var defaults = succeeded.Where(t => t.UsesMlNetDefaults).MinBy(t => t.Loss)!;
        best.UsesMlNetDefaults.Should().BeFalse("the search found a configuration that validates better");
        var differences = best.FoldLosses.Zip(defaults.FoldLosses, (b, d) => b - d).ToArray();
        var mean = differences.Average();
        var standardError = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Length - 1) / differences.Length);
        mean.Should().BeNegative();
        (mean + standardError).Should().BePositive("its lead is within one standard error");

        result.BestTrial.Should().Be(defaults);
        result.Description.Should().Contain($"{defaults.Trainer} (ML.NET defaults)");
        result.ValidationMetrics.Should().BeSameAs(defaults.ValidationMetrics);
    }
}
