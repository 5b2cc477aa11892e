using Microsoft.ML.NasTuners.Tests.Tuners.Architecture;
using Microsoft.ML.NasTuners.Tuners;
using static Microsoft.ML.NasTuners.Tests.Tuners.Auto.AutoSpaces;

namespace Microsoft.ML.NasTuners.Tests.Tuners.Auto;

/// <summary>The automatic tuner starts with the tuner its rules (docs/tuners/auto.md) name for the space and the
/// experiment.</summary>
public class AutoRulesTests
{
    private static AutoDecision FirstChoice(SearchSpace space, AutoTunerOptions? options = null) =>
        new AutoTuner(space, options, seed: 1).Decisions.Single();

    [Fact]
    public void A_few_real_dimensions_start_gp_map()
    {
        FirstChoice(Continuous(6)).Should().Be(new AutoDecision("gp-map", "few dimensions", 0, 0, IsSwitch: false));
    }

    [Fact]
    public void A_small_conditional_space_starts_gp_map_as_on_mixed3()
    {
        FirstChoice(SmallConditional()).Rule.Should().Be("few dimensions, conditional");
        FirstChoice(SmallConditional()).Tuner.Should().Be("gp-map");
    }

    [Fact]
    public void Ten_real_dimensions_the_most_gp_was_measured_to_win_on_start_gp_map()
    {
        FirstChoice(Continuous(AutoRules.GpMaxDimensions)).Tuner.Should().Be("gp-map");
        AutoRules.GpMaxDimensions.Should().Be(10, "levy10 in the review's mid_high_dim condition is the largest measured");
    }

    [Fact]
    public void More_dimensions_than_measured_for_gp_start_multivariate_tpe()
    {
        FirstChoice(Continuous(AutoRules.GpMaxDimensions + 1)).Should().Be(new AutoDecision("tpe-mv", "many dimensions or large categoricals", 0, 0, false));
    }

    [Fact]
    public void A_categorical_larger_than_measured_for_gp_starts_multivariate_tpe()
    {
        FirstChoice(WithLargeCategorical()).Tuner.Should().Be("tpe-mv");
    }

    [Fact]
    public void More_workers_than_gp_was_trusted_with_start_multivariate_tpe()
    {
        FirstChoice(Continuous(2), new AutoTunerOptions { DegreeOfParallelism = AutoRules.GpMaxParallelism })
            .Tuner.Should().Be("gp-map");
        FirstChoice(Continuous(2), new AutoTunerOptions { DegreeOfParallelism = AutoRules.GpMaxParallelism + 1 })
            .Should().Be(new AutoDecision("tpe-mv", "many parallel workers", 0, 0, false));
    }

    [Fact]
    public void A_budget_range_over_a_few_real_dimensions_starts_bohb_which_proposes_budgets()
    {
        var tuner = new AutoTuner(Continuous(6), new AutoTunerOptions { Budgets = new BudgetRange(1, 81), RoundBudgets = true }, seed: 1);
        var settings = new TrialSettings { TrialId = 0 };

        tuner.Propose(settings);

        tuner.Decisions.Single().Should().Be(new AutoDecision("bohb", "budget range, few dimensions; gp-map at the full budget after 15 full budgets", 0, 0, false));
        settings.Budget.Should().BeInRange(1, 81);
    }

    [Fact]
    public void After_15_full_budgets_it_moves_to_gp_map_at_the_full_budget_which_learns_only_the_full_budget_trials()
    {
        var space = Continuous(6);
        var tuner = new AutoTuner(space, new AutoTunerOptions { Budgets = new BudgetRange(1, 81), RoundBudgets = true }, seed: 1);
        var fullBudgetResults = new List<TrialResult>();
        var spent = 0.0;
        var id = 0;
        // BOHB's trials, each charged its budget, until 15 full budgets (1,215) are spent.
        while (spent < AutoRules.BohbFullBudgetsBeforeGp * 81)
        {
            var settings = new TrialSettings { TrialId = id++ };
            settings.Parameter = tuner.Propose(settings);
            tuner.CurrentTuner.Should().Be("bohb");
            var result = new TrialResult { TrialSettings = settings, Loss = Loss(settings.Parameter) + 1 / settings.Budget!.Value, SpentBudget = settings.Budget };
            tuner.Update(result);
            spent += settings.Budget.Value;
            if (settings.Budget == 81) fullBudgetResults.Add(result);
        }

        var next = new TrialSettings { TrialId = id };
        var proposal = tuner.Propose(next);

        tuner.Decisions.Should().HaveCount(2);
        tuner.Decisions[1].Should().Be(new AutoDecision("gp-map", $"{spent / 81:0.##} full budgets spent, past BOHB's lead of 15", id, id, IsSwitch: true));
        next.Budget.Should().BeNull("GP-BO's trials run at the full budget");
        fullBudgetResults.Should().NotBeEmpty();
        var gpTold = new GpTuner(space, new GpOptions { HyperparameterMode = HyperparameterMode.Map }, 1);
        foreach (var result in fullBudgetResults) gpTold.Update(result);
        proposal.ToString().Should().Be(gpTold.Propose(new TrialSettings { TrialId = id }).ToString(), "GP-BO learned BOHB's full-budget trials and no others");
    }

    [Fact]
    public void A_budget_range_over_a_space_gp_does_not_suit_starts_bohb_which_proposes_budgets()
    {
        var tuner = new AutoTuner(Continuous(AutoRules.GpMaxDimensions + 1), new AutoTunerOptions { Budgets = new BudgetRange(1, 81), RoundBudgets = true }, seed: 1);
        var settings = new TrialSettings { TrialId = 0 };

        tuner.Propose(settings);

        tuner.Decisions.Single().Should().Be(new AutoDecision("bohb", "budget range", 0, 0, false));
        settings.Budget.Should().BeInRange(1, 81).And.Subject.Should().Be(Math.Round(settings.Budget!.Value));
    }

    [Fact]
    public void A_single_budget_is_no_fidelity_to_exploit()
    {
        FirstChoice(Continuous(AutoRules.GpMaxDimensions + 1), new AutoTunerOptions { Budgets = new BudgetRange(81, 81) }).Tuner.Should().Be("tpe-mv");
    }

    [Fact]
    public void An_architecture_encoding_starts_the_string_kernel_gp_whatever_the_space()
    {
        FirstChoice(ToyCell.Space(), new AutoTunerOptions { Architecture = new ToyCell(), Budgets = new BudgetRange(1, 81) })
            .Should().Be(new AutoDecision("ssk-gp", "architecture encoding", 0, 0, false));
    }

    [Fact]
    public void A_known_trial_limit_beyond_gps_tables_says_when_it_will_switch()
    {
        FirstChoice(Continuous(2), new AutoTunerOptions { MaxTrials = 500 }).Rule.Should().Be("few dimensions; tpe-mv after 200 trials");
        FirstChoice(SmallConditional(), new AutoTunerOptions { MaxTrials = 150 }).Rule.Should().Be("few dimensions, conditional; tpe-mv after 100 trials");
        FirstChoice(Continuous(2), new AutoTunerOptions { MaxTrials = 200 }).Rule.Should().Be("few dimensions");
    }

    [Fact]
    public void Options_out_of_range_are_refused_naming_the_option()
    {
        var noTrials = () => new AutoTuner(Continuous(2), new AutoTunerOptions { MaxTrials = 0 });
        var noWorkers = () => new AutoTuner(Continuous(2), new AutoTunerOptions { DegreeOfParallelism = 0 });

        noTrials.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MaxTrials*at least 1*");
        noWorkers.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*DegreeOfParallelism*at least 1*");
    }

    [Fact]
    public void Later_edits_of_the_options_do_not_reach_the_tuner()
    {
        var options = new AutoTunerOptions();
        var tuner = new AutoTuner(Continuous(AutoRules.GpMaxDimensions + 1), options, seed: 1);

        options.Budgets = new BudgetRange(1, 81);
        var settings = new TrialSettings { TrialId = 0 };
        tuner.Propose(settings);

        settings.Budget.Should().BeNull();
    }
}
