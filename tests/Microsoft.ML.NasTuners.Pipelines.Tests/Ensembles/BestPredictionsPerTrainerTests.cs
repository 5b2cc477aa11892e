using Microsoft.ML.NasTuners.Pipelines.Ensembles;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Ensembles;

public class BestPredictionsPerTrainerTests
{
    [Fact]
    public void Only_each_trainer_s_best_trial_keeps_its_predictions_ranked_as_the_best_trial_is()
    {
        var held = new BestPredictionsPerTrainer();
        var predictions = Enumerable.Range(0, 6).Select(_ => new OutOfFoldPredictions(4, 1)).ToArray();

        held.Offer("LightGbm", 0, loss: 0.30, budget: 9, predictions[0]);
        held.Offer("LightGbm", 1, loss: 0.20, budget: 3, predictions[1]); // lower loss at a lower budget: better
        held.Offer("LightGbm", 2, loss: 0.20, budget: 1, predictions[2]); // a tie at a lower budget: not better
        held.Offer("Sdca", 3, loss: 0.25, budget: null, predictions[3]);
        held.Offer("Sdca", 4, loss: double.NaN, budget: 9, predictions[4]);
        held.Offer("Sdca", 5, loss: 0.25, budget: 9, predictions[5]); // a tie at the same budget: the earlier trial stays

        var byTrial = held.ByTrialId();

        byTrial.Keys.Should().BeEquivalentTo([1, 3]);
        byTrial[1].Should().BeSameAs(predictions[1]);
        byTrial[3].Should().BeSameAs(predictions[3]);
    }
}
