using Microsoft.ML.NasTuners.Pipelines.Trainers;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Validation;

public class FidelityMappingTests
{
    [Theory]
    [InlineData(1.0, 1.0 / 9)]
    [InlineData(3.0, 1.0 / 3)]
    [InlineData(9.0, 1.0)]
    public void A_budget_is_that_fraction_of_the_rows_and_of_the_boosting_iterations(double budget, double fraction)
    {
        FidelityMapping.RowFraction(budget).Should().BeApproximately(fraction, 1e-12);
        FidelityMapping.IterationFraction(budget).Should().BeApproximately(fraction, 1e-12);
    }

    [Theory]
    [InlineData(1.0, 2700, 1.0 / 9)]
    [InlineData(1.0, 900, 1.0 / 3)]
    [InlineData(1.0, 250, 1.0)]
    [InlineData(3.0, 16000, 1.0 / 3)]
    public void A_fraction_never_leaves_fewer_than_300_training_rows(double budget, int rows, double fraction)
    {
        FidelityMapping.RowFraction(budget, rows).Should().BeApproximately(fraction, 1e-12);
    }

    [Fact]
    public void No_budget_is_the_full_data()
    {
        FidelityMapping.RowFraction(null).Should().Be(1);
    }

    [Theory]
    [InlineData(1.0 / 9, 900, 100)]
    [InlineData(1.0 / 3, 300, 100)]
    [InlineData(1.0 / 9, 10, 4)] // never fewer than MinIterations...
    [InlineData(1.0 / 9, 3, 3)]  // ...unless the full count is fewer
    [InlineData(1.0, 250, 250)]
    public void Boosted_trees_train_the_fraction_of_their_iterations(double fraction, int full, int expected)
    {
        new TrainerInput("Label", "Features", fraction).ScaleIterations(full).Should().Be(expected);
    }

    [DataFact("tabular")]
    public async Task A_multi_fidelity_tuner_gives_trials_budgets_1_3_and_9_and_a_single_fidelity_search_none()
    {
        var context = new MLContext(seed: 1);
        var data = TabularSets.Load(context, "breast_cancer");

        var hyperband = await context.Nas().BinaryClassification(data, TabularSets.Label).SetTrainers("LightGbm")
            .SetValidation(PipelineValidation.Holdout()).SetTuner(Tuners.TunerKind.Hyperband).SetMaxTrials(13).RunAsync();
        var single = await context.Nas().BinaryClassification(data, TabularSets.Label).SetTrainers("LightGbm")
            .SetValidation(PipelineValidation.Holdout()).SetFidelities(false).SetMaxTrials(2).RunAsync();

        hyperband.Trials.Select(t => t.Budget).Should().Contain([1.0, 3.0, 9.0]).And.OnlyContain(b => b == 1 || b == 3 || b == 9);
        hyperband.Experiment!.BudgetRange.Should().Be(new BudgetRange(1, 9));
        single.Trials.Should().OnlyContain(t => t.Budget == null);
    }
}
