using Microsoft.ML.NasTuners.Pipelines.Trainers;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Trainers;

public class TrainerSpacesTests
{
    [DataFact("tabular")]
    public async Task LightGbm_at_the_top_of_its_penalty_ranges_still_learns_from_a_ninth_of_letter()
    {
        var context = new MLContext(seed: 1);
        var (train, test) = TabularSets.Split(context, "letter");
        var experiment = context.Nas().MulticlassClassification(train, TabularSets.Label, test).SetTrainers("LightGbm");
        var lightGbm = experiment.Trainers.Single();
        var l1 = (UniformDoubleOption)lightGbm.SearchSpace["L1Regularization"];
        var l2 = (UniformDoubleOption)lightGbm.SearchSpace["L2Regularization"];
        // Everything but the penalties near ML.NET's defaults; the penalties in the top half-octave of their ranges.
        experiment.AddTrainer(lightGbm
            .WithOption("L1Regularization", new UniformDoubleOption(l1.Max / 1.4, l1.Max, logBase: true))
            .WithOption("L2Regularization", new UniformDoubleOption(l2.Max / 1.4, l2.Max, logBase: true))
            .WithOption("NumberOfIterations", new UniformIntOption(90, 110))
            .WithOption("LearningRate", new UniformDoubleOption(0.1, 0.2))
            .WithOption("NumberOfLeaves", new UniformIntOption(16, 32))
            .WithOption("MinimumExampleCountPerLeaf", new UniformIntOption(10, 20))
            .WithOption("FeatureFraction", new UniformDoubleOption(0.8, 1)));

        var result = await experiment.SetTuner(TunerKind.Bohb).SetEvaluateDefaultsFirst(false).SetMaxTrials(1).SetEnsembleSize(1).RunAsync();

        var trial = result.Trials.Single();
        trial.Budget.Should().Be(FidelityMapping.MinBudget);
        // Chance is a loss of 1 - 1/26 = 0.96: with penalties of hundreds every leaf's value shrinks to zero.
        trial.Loss.Should().BeLessThan(0.5, $"LightGbm should still split and learn ({trial.Parameter})");
    }
}
