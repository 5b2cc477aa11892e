using TorchSharp;

namespace Microsoft.ML.NasTuners.TorchSharp.Tests;

public class TrainerTests
{
    private static readonly CnnTrainerOptions Options = new() { Seed = 42, MaxThreads = 1 };

    private static float[] Weights(CnnCheckpoint checkpoint)
    {
        using var network = checkpoint.CreateNetwork();
        return network.parameters().SelectMany(p => p.data<float>().ToArray())
            .Concat(network.buffers().Where(b => b.dtype == torch.float32).SelectMany(b => b.data<float>().ToArray())).ToArray();
    }

    [DataFact("digits")]
    public void Training_lowers_the_validation_loss_and_beats_chance()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var trainer = new CnnTrainer(Options);
        var configuration = TestData.Tiny();
        var train = split.Train.Take(400);
        var validation = split.Validation.Take(200);

        using var untrained = CnnModelBuilder.Build(configuration.Architecture, train.Shape, train.ClassCount, Options.Seed);
        var (initialLoss, _) = trainer.Evaluate(untrained, validation);

        var result = trainer.Train(configuration, train, validation, epochs: 6);
        result.Diverged.Should().BeFalse();
        result.Epochs.Should().Be(6);
        result.ValidationLoss.Should().BeLessThan(initialLoss * 0.6, $"initial loss {initialLoss}");
        result.ValidationAccuracy.Should().BeGreaterThan(0.6);
        result.Checkpoint!.Epochs.Should().Be(6);
    }

    [DataFact("digits")]
    public void Two_runs_with_one_seed_give_equal_weights_and_another_seed_does_not()
    {
        TorchTestEnvironment.Initialise();
        var train = TestData.Split.Train.Take(200);
        var configuration = TestData.Tiny();
        var first = new CnnTrainer(Options).Train(configuration, train, null, epochs: 2);
        var second = new CnnTrainer(Options).Train(configuration, train, null, epochs: 2);
        Weights(first.Checkpoint!).Should().Equal(Weights(second.Checkpoint!));
        first.TrainingLoss.Should().Be(second.TrainingLoss);

        var other = new CnnTrainer(new CnnTrainerOptions { Seed = 43, MaxThreads = 1 }).Train(configuration, train, null, epochs: 2);
        Weights(other.Checkpoint!).Should().NotEqual(Weights(first.Checkpoint!));
    }

    [DataTheory("digits")]
    [InlineData(CnnOptimizer.Adam)]
    [InlineData(CnnOptimizer.Sgd)]
    public void Continuing_from_3_to_9_epochs_equals_training_9_at_once(CnnOptimizer optimizer)
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var train = split.Train.Take(160);
        var validation = split.Validation.Take(100);
        var configuration = TestData.Tiny(dropout: 0.3, optimizer);
        var trainer = new CnnTrainer(Options);

        var atOnce = trainer.Train(configuration, train, validation, epochs: 9);
        var three = trainer.Train(configuration, train, validation, epochs: 3);

        // Through the stream format too, as a distributed worker would pass it on.
        using var buffer = new MemoryStream();
        three.Checkpoint!.Save(buffer);
        buffer.Position = 0;
        var continued = trainer.Train(configuration, train, validation, epochs: 9, resumeFrom: CnnCheckpoint.Load(buffer));

        continued.Epochs.Should().Be(9);
        var expected = Weights(atOnce.Checkpoint!);
        var actual = Weights(continued.Checkpoint!);
        actual.Should().HaveCount(expected.Length);
        for (var i = 0; i < expected.Length; i++) actual[i].Should().BeApproximately(expected[i], 1e-5f);
        continued.ValidationLoss.Should().BeApproximately(atOnce.ValidationLoss, 1e-5);
        continued.ValidationAccuracy.Should().Be(atOnce.ValidationAccuracy);
    }

    [DataFact("digits")]
    public void A_checkpoint_of_another_configuration_or_seed_is_refused()
    {
        TorchTestEnvironment.Initialise();
        var train = TestData.Split.Train.Take(64);
        var checkpoint = new CnnTrainer(Options).Train(TestData.Tiny(), train, null, epochs: 1).Checkpoint!;
        FluentActions.Invoking(() => new CnnTrainer(Options).Train(TestData.Tiny(dropout: 0.1), train, null, 2, checkpoint))
            .Should().Throw<ArgumentException>().WithMessage("*another configuration*");
        FluentActions.Invoking(() => new CnnTrainer(new CnnTrainerOptions { Seed = 1 }).Train(TestData.Tiny(), train, null, 2, checkpoint))
            .Should().Throw<ArgumentException>().WithMessage("*seed*");
    }

    [DataFact("digits")]
    public void A_diverging_run_reports_it_instead_of_throwing()
    {
        TorchTestEnvironment.Initialise();
        var train = TestData.Split.Train.Take(64);
        var configuration = TestData.Tiny() with { Training = new CnnTrainingSettings(CnnOptimizer.Sgd, LearningRate: 1e12, BatchSize: 16) };
        var result = new CnnTrainer(Options).Train(configuration, train, TestData.Split.Validation.Take(20), epochs: 3);
        result.Diverged.Should().BeTrue();
        double.IsNaN(result.ValidationLoss).Should().BeTrue();
        result.Checkpoint.Should().BeNull();
    }
}
