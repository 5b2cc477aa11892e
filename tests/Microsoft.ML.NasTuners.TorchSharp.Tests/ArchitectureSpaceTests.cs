using Microsoft.ML.NasTuners.Tuners;
using TorchSharp;

namespace Microsoft.ML.NasTuners.TorchSharp.Tests;

public class ArchitectureSpaceTests
{
    private static IEnumerable<Parameter> RandomParameters(int count, int seed)
    {
        var tuner = new RandomSearchTuner(CnnSearchSpace.Create(), seed);
        for (var i = 0; i < count; i++) yield return tuner.Propose(new TrialSettings { TrialId = i });
    }

    [Fact]
    public void Two_hundred_random_architectures_build_and_give_logits_of_the_right_shape_for_8x8_and_28x28()
    {
        TorchTestEnvironment.Initialise();
        var stageCounts = new HashSet<int>();
        var blockTypes = new HashSet<CnnBlockType>();
        foreach (var parameter in RandomParameters(200, seed: 7))
        {
            var architecture = CnnConfiguration.FromParameter(parameter).Architecture;
            stageCounts.Add(architecture.Stages.Count);
            foreach (var s in architecture.Stages) blockTypes.Add(s.BlockType);
            foreach (var (side, classes) in new[] { (8, 10), (28, 3) })
            {
                using var scope = torch.NewDisposeScope();
                using var network = CnnModelBuilder.Build(architecture, new CnnInputShape(1, side, side), classes, seed: 1);
                network.eval();
                using var noGrad = torch.no_grad();
                var output = network.forward(torch.zeros(2, 1, side, side));
                output.shape.Should().Equal([2L, classes], architecture.ToArchitectureString());
                output.isfinite().all().item<bool>().Should().BeTrue();
            }
        }
        stageCounts.Should().BeEquivalentTo([1, 2, 3, 4]);
        blockTypes.Should().HaveCount(3);
    }

    [Theory]
    [InlineData(8, 8, 1)]
    [InlineData(28, 28, 4)]
    [InlineData(7, 7, 1)]
    [InlineData(2, 2, 1)]
    [InlineData(1, 1, 1)]
    [InlineData(3, 9, 1)]
    public void Downsampling_is_skipped_once_a_side_is_1_so_no_image_shrinks_below_1x1(int height, int width, int expectedMin)
    {
        var stages = Enumerable.Range(0, 4).Select(i => new CnnStage(1, 8, Downsampling: i == 0 ? CnnDownsampling.None : i % 2 == 0 ? CnnDownsampling.MaxPool : CnnDownsampling.Stride2)).ToArray();
        var plans = new CnnArchitecture(stages).Plan(new CnnInputShape(1, height, width));
        plans.Should().OnlyContain(p => p.Height >= 1 && p.Width >= 1);
        Math.Min(plans[^1].Height, plans[^1].Width).Should().Be(expectedMin);
        for (var i = 1; i < plans.Count; i++)
        {
            var previous = i == 0 ? Math.Min(height, width) : Math.Min(plans[i - 1].Height, plans[i - 1].Width);
            (plans[i].Downsampling == CnnDownsampling.None).Should().Be(previous < 2);
        }

        TorchTestEnvironment.Initialise();
        using var network = CnnModelBuilder.Build(new CnnArchitecture(stages), new CnnInputShape(1, height, width), 2);
        network.eval();
        using var output = network.forward(torch.zeros(1, 1, height, width));
        output.shape.Should().Equal([1L, 2L]);
    }

    [Fact]
    public void Stages_are_contiguous_and_inactive_stage_parameters_are_absent()
    {
        var space = CnnSearchSpace.Create();
        foreach (var parameter in RandomParameters(100, seed: 3))
        {
            var count = CnnConfiguration.FromParameter(parameter).Architecture.Stages.Count;
            for (var i = 1; i <= 4; i++)
                parameter.ContainsKey($"stage{i}_channels").Should().Be(i <= count);
            space.MappingToFeatureSpace(parameter).Should().HaveCount(space.FeatureSpaceDim);
            var encoded = space.ModelView.Encode(parameter);
            space.ModelView.Decode(encoded).Equals(parameter).Should().BeTrue();
        }
        var stage3 = space.ModelView.Dimensions.Single(d => d.Key == "stage3_channels");
        stage3.IsLog.Should().BeTrue();
        var selector = space.ModelView.Dimensions[stage3.Condition!.ParentIndex];
        selector.Key.Should().Be("stage3");
        space.ModelView.Dimensions[selector.Condition!.ParentIndex].Key.Should().Be("stage2", "stage 3 exists only inside stage 2's 'on' branch");
    }

    [Fact]
    public void The_default_point_is_two_plain_stages_trained_by_Adam()
    {
        var configuration = CnnConfiguration.FromParameter(CnnSearchSpace.Create().SampleDefault());
        configuration.Architecture.Stages.Select(s => s.Channels).Should().Equal(32, 64);
        configuration.Architecture.Stages[1].Downsampling.Should().Be(CnnDownsampling.MaxPool);
        configuration.Training.Optimizer.Should().Be(CnnOptimizer.Adam);
        configuration.Training.LearningRate.Should().BeApproximately(1e-3, 1e-12);
        configuration.Training.BatchSize.Should().Be(64);
    }

    [Fact]
    public void Configuration_round_trips_through_a_parameter_and_the_architecture_through_JSON()
    {
        foreach (var parameter in RandomParameters(50, seed: 11))
        {
            var configuration = CnnConfiguration.FromParameter(parameter);
            CnnConfiguration.FromParameter(configuration.ToParameter()).Should().Be(configuration);
            CnnArchitecture.FromJson(configuration.Architecture.ToJson()).Should().Be(configuration.Architecture);
        }
    }

    [Fact]
    public void Missing_or_invalid_keys_are_named_in_the_error()
    {
        var parameter = CnnSearchSpace.Create().SampleDefault();
        parameter["stage1_block"] = Parameter.FromString("dense");
        FluentActions.Invoking(() => CnnConfiguration.FromParameter(parameter)).Should().Throw<ArgumentException>().WithMessage("*stage1_block*dense*");
        parameter.Remove("stage1_block");
        FluentActions.Invoking(() => CnnConfiguration.FromParameter(parameter)).Should().Throw<ArgumentException>().WithMessage("*stage1_block*");
        FluentActions.Invoking(() => new CnnStage(1, 8, KernelSize: 4)).Should().NotThrow();
        FluentActions.Invoking(() => new CnnArchitecture([new CnnStage(1, 8, KernelSize: 4)])).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*KernelSize*");
    }
}
