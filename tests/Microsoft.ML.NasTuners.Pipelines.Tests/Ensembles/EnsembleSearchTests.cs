using Microsoft.ML.NasTuners.Pipelines.Running;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Ensembles;

public class EnsembleSearchTests
{
    // 60 trials on this split: the combiner of the best three trainers validates better than the best trial.
    private static Task<PipelineResult> SearchPima(int ensembleSize, int trials = 60)
    {
        var context = new MLContext(seed: 4);
        var (train, test) = TabularSets.Split(context, "pima", seed: 4);
        return context.Nas().BinaryClassification(train, TabularSets.Label, test).SetMaxTrials(trials).SetEnsembleSize(ensembleSize).RunAsync();
    }

    [DataFact("tabular")]
    public async Task An_ensemble_of_the_best_trainers_is_the_model_when_its_combiner_validates_better_than_the_best_trial()
    {
        var result = (await SearchPima(PipelineExperiment.DefaultEnsembleSize)).EnsureModel();

        var ensemble = result.Ensemble!;
        ensemble.Should().NotBeNull(result.ToString());
        ensemble.Members.Should().HaveCountGreaterThan(1).And.HaveCountLessThanOrEqualTo(PipelineExperiment.DefaultEnsembleSize);
        ensemble.Members.Select(m => m.Trainer).Should().OnlyHaveUniqueItems();
        var best = TrialRanking.Best(result.Trials)!;
        ensemble.Members[0].Should().Be(best, "the best trial's trainer leads");
        PipelineMetric.Auc.ToLoss(ensemble.ValidationMetrics[PipelineMetric.Auc]).Should().BeLessThan(best.Loss);
        result.ValidationMetrics.Should().BeSameAs(ensemble.ValidationMetrics);
        result.Description.Should().StartWith($"Ensemble of {ensemble.Members.Count}, stacked by LbfgsLogisticRegression");

        var context = new MLContext(seed: 4);
        var scored = result.Model!.Transform(NewRows.WithoutLabel(context, TabularSets.Split(context, "pima", seed: 4).Test));
        var probabilities = scored.GetColumn<float>("Probability").ToArray();
        probabilities.Should().OnlyContain(p => p >= 0 && p <= 1);
        scored.GetColumn<bool>("PredictedLabel").Should().Equal(probabilities.Select(p => p > 0.5f), "the combiner's own decision");

        var path = Path.Combine(Path.GetTempPath(), $"ensemble-{Guid.NewGuid():N}.zip");
        try
        {
            context.Model.Save(result.Model, result.InputSchema, path);
            var loaded = context.Model.Load(path, out _);
            loaded.Transform(NewRows.WithoutLabel(context, TabularSets.Split(context, "pima", seed: 4).Test)).GetColumn<float>("Probability")
                .Should().Equal(probabilities, "the ensemble saves and loads as one ML.NET model");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [DataFact("tabular")]
    public async Task The_ensemble_does_not_change_the_search_and_a_size_of_1_returns_the_best_trial_s_pipeline()
    {
        var ensembled = await SearchPima(PipelineExperiment.DefaultEnsembleSize, trials: 12);
        var single = await SearchPima(1, trials: 12);

        single.Ensemble.Should().BeNull();
        single.Description.Should().NotStartWith("Ensemble");
        single.ValidationMetrics.Should().BeSameAs(single.BestTrial!.ValidationMetrics);
        single.Trials.Select(t => t.Loss).Should().Equal(ensembled.Trials.Select(t => t.Loss));
        var size = () => new MLContext().Nas().BinaryClassification(TabularSets.Load(new MLContext(), "pima"), TabularSets.Label).SetEnsembleSize(0);
        size.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1 to 10 members*");
    }
}
