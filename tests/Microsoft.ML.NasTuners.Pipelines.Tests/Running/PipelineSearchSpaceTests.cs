using Microsoft.ML.NasTuners.Pipelines.Running;
using Microsoft.ML.NasTuners.Pipelines.Trainers;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Running;

public class PipelineSearchSpaceTests
{
    [Fact]
    public void Each_trainer_has_a_default_point_that_chooses_it_with_its_options_at_their_defaults()
    {
        var trainers = PipelineTrainers.Binary();
        var space = new PipelineSearchSpace(trainers);

        var points = space.DefaultPoints;

        points.Select(p => space.Read(p).Trainer.Name).Should().Equal(trainers.Select(t => t.Name));
        foreach (var (point, trainer) in points.Zip(trainers))
            space.Read(point).Parameter.ToString().Should().Be(trainer.SearchSpace.SampleDefault().ToString());
    }

    [Fact]
    public void The_default_points_of_default_trainers_stand_for_ML_NET_s_defaults_and_no_other_point_does()
    {
        var space = new PipelineSearchSpace(PipelineTrainers.Regression());
        var random = new Tuners.RandomSearchTuner(space.Space, seed: 1);

        space.DefaultPoints.Should().OnlyContain(p => space.IsMlNetDefaultPoint(p));
        Enumerable.Range(0, 20).Select(i => random.Propose(new TrialSettings { TrialId = i }))
            .Should().NotContain(p => space.IsMlNetDefaultPoint(p));
    }

    [Fact]
    public void A_trainer_with_a_changed_range_or_without_a_defaults_factory_trains_its_default_point_as_a_proposal()
    {
        var lightGbm = PipelineTrainers.Binary().Single(t => t.Name == "LightGbm");
        var narrowed = lightGbm.WithOption("NumberOfIterations", new UniformIntOption(4, 10));
        var own = PipelineTrainer.Create("Own", PipelineTask.BinaryClassification, new SearchSpace { ["x"] = new UniformDoubleOption(0, 1) },
            (c, p, i) => c.BinaryClassification.Trainers.LightGbm(i.LabelColumnName, i.FeatureColumnName));
        var space = new PipelineSearchSpace([narrowed, own]);

        space.DefaultPoints.Should().NotContain(p => space.IsMlNetDefaultPoint(p),
            "ML.NET's 100 iterations would leave the narrowed range, and a trainer of one's own has no ML.NET defaults");
    }
}
