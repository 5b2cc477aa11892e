using Microsoft.ML;
using Microsoft.ML.NasTuners.Tuners;
using TorchSharp;

namespace Microsoft.ML.NasTuners.TorchSharp.Tests;

public class TrialRunnerTests
{
    private static readonly CnnSearchSpaceOptions SmallSpace = new() { MaxStages = 2, MaxBlocksPerStage = 1, MinChannels = 4, MaxChannels = 16 };

    [Fact]
    public void A_higher_budget_continues_from_the_lower_one_and_matches_training_from_scratch()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var options = new CnnTrialRunnerOptions { Seed = 3, MaxThreads = 1, MaxEpochs = 4 };
        var runner = new CnnTrialRunner(split.Train.Take(160), split.Validation.Take(80), options);
        var parameter = TestData.Tiny().ToParameter();

        var low = runner.Run(new TrialSettings { TrialId = 0, Parameter = parameter, Budget = 1 });
        runner.GetCheckpoint(parameter)!.Epochs.Should().Be(1);
        var high = runner.Run(new TrialSettings { TrialId = 1, Parameter = parameter, Budget = 3 });
        runner.GetCheckpoint(parameter)!.Epochs.Should().Be(3);

        var fresh = new CnnTrialRunner(split.Train.Take(160), split.Validation.Take(80), options)
            .Run(new TrialSettings { TrialId = 0, Parameter = parameter, Budget = 3 });
        high.Loss.Should().BeApproximately(fresh.Loss, 1e-5);
        high.Metric.Should().Be(fresh.Metric);
        low.Status.Should().Be(TrialStatus.Succeeded);
    }

    [Fact]
    public async Task Searches_the_space_from_mlContext_Nas()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var runner = new CnnTrialRunner(split.Train.Take(120), split.Validation.Take(60),
            new CnnTrialRunnerOptions { MaxEpochs = 1, MaxThreads = 1, Objective = CnnObjective.ValidationError });
        var result = await new MLContext(seed: 0).Nas().ImageClassification(runner, SmallSpace)
            .SetTuner((space, seed) => new RandomSearchTuner(space, seed))
            .SetMaxTrials(3)
            .SetSeed(2)
            .RunAsync();

        result.Trials.Should().HaveCount(3);
        result.Trials.Should().OnlyContain(t => t.Status == TrialStatus.Succeeded || t.Status == TrialStatus.Failed);
        var best = result.EnsureSucceeded().BestTrial!;
        best.Loss.Should().BeApproximately(1 - best.Metric, 1e-12);
        using var network = runner.GetCheckpoint(best.TrialSettings.Parameter)!.CreateNetwork();
        network.ClassCount.Should().Be(10);
    }

    [Fact]
    public void Training_releases_every_tensor_it_creates()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var trainer = new CnnTrainer(new CnnTrainerOptions { MaxThreads = 1 });
        trainer.Train(TestData.Tiny(), split.Train.Take(64), split.Validation.Take(32), 1); // warm-up: one-time allocations
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var result = trainer.Train(TestData.Tiny(), split.Train.Take(64), split.Validation.Take(32), 2);
        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before);
        result.Checkpoint.Should().NotBeNull();
    }
}
