using Microsoft.ML.NasTuners.Pipelines.Running;
using Microsoft.ML.NasTuners.Pipelines.Trainers;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Trainers;

public class PipelineTrainersTests
{
    [Fact]
    public void Each_task_has_the_trainers_of_the_issue()
    {
        PipelineTrainers.Binary().Select(t => t.Name).Should().Equal(
            "FastTree", "FastForest", "LightGbm", "SdcaLogisticRegression", "LbfgsLogisticRegression", "AveragedPerceptron");
        PipelineTrainers.Multiclass().Select(t => t.Name).Should().Equal(
            "LightGbm", "FastTreeOva", "FastForestOva", "SdcaMaximumEntropy", "LbfgsMaximumEntropy");
        PipelineTrainers.Regression().Select(t => t.Name).Should().Equal(
            "FastTree", "FastForest", "LightGbm", "Sdca", "LbfgsPoissonRegression");
    }

    [Fact]
    public void Only_boosted_trees_use_iterations_as_a_fidelity_and_only_linear_models_are_normalised()
    {
        var all = PipelineTrainers.Binary().Concat(PipelineTrainers.Multiclass()).Concat(PipelineTrainers.Regression()).ToArray();

        all.Where(t => t.UsesIterationFidelity).Select(t => t.Name).Distinct().Should().BeEquivalentTo("FastTree", "LightGbm", "FastTreeOva");
        all.Where(t => t.NeedsNormalization).Should().OnlyContain(t => t.Name.Contains("Sdca") || t.Name.Contains("Lbfgs") || t.Name.Contains("Perceptron"));
    }

    [Fact]
    public void The_search_space_is_a_trainer_choice_whose_branches_open_their_own_prefixed_hyper_parameters()
    {
        var space = new PipelineSearchSpace(PipelineTrainers.Regression());
        var choice = (ConditionalChoiceOption)space.Space[PipelineSearchSpace.TrainerKey];

        choice.BranchNames.Should().Equal("FastTree", "FastForest", "LightGbm", "Sdca", "LbfgsPoissonRegression");
        choice["LightGbm"].Keys.Should().Contain("LightGbm_NumberOfLeaves").And.OnlyContain(k => k.StartsWith("LightGbm_"));

        var random = new Random(3);
        for (var i = 0; i < 20; i++)
        {
            var proposal = space.Space.SampleFromFeatureSpace(Enumerable.Range(0, space.Space.FeatureSpaceDim).Select(_ => random.NextDouble()).ToArray());
            var (trainer, own) = space.Read(proposal);
            own.Keys.Should().BeEquivalentTo(trainer.SearchSpace.Keys);
        }
    }

    [Fact]
    public void Each_space_default_is_MLNet_default_where_one_exists()
    {
        var lightGbm = PipelineTrainers.Binary().Single(t => t.Name == "LightGbm").SearchSpace.SampleDefault();
        lightGbm["NumberOfIterations"].AsInt().Should().Be(100);
        lightGbm["NumberOfLeaves"].AsInt().Should().Be(20);
        var fastTree = PipelineTrainers.Binary().Single(t => t.Name == "FastTree").SearchSpace.SampleDefault();
        fastTree["NumberOfTrees"].AsInt().Should().Be(100);
        fastTree["LearningRate"].AsDouble().Should().BeApproximately(0.2, 1e-9);
    }

    [Fact]
    public void WithOption_changes_one_range_and_keeps_the_others()
    {
        var trainer = PipelineTrainers.Binary().Single(t => t.Name == "LightGbm");

        var narrowed = trainer.WithOption("NumberOfLeaves", new UniformIntOption(4, 8));

        ((UniformIntOption)narrowed.SearchSpace["NumberOfLeaves"]).Max.Should().Be(8);
        narrowed.SearchSpace.Keys.Should().BeEquivalentTo(trainer.SearchSpace.Keys);
        ((UniformIntOption)trainer.SearchSpace["NumberOfLeaves"]).Max.Should().Be(1024, "the original is not changed");
    }

    [DataTheory("tabular")]
    [InlineData("pima", PipelineTask.BinaryClassification)]
    [InlineData("wine", PipelineTask.MulticlassClassification)]
    [InlineData("diabetes", PipelineTask.Regression)]
    public async Task Every_default_trainer_trains_with_MLNet_defaults(string set, PipelineTask task)
    {
        var context = new MLContext(seed: 1);
        var data = TabularSets.Load(context, set);
        var experiment = task switch
        {
            PipelineTask.BinaryClassification => context.Nas().BinaryClassification(data, TabularSets.Label),
            PipelineTask.MulticlassClassification => context.Nas().MulticlassClassification(data, TabularSets.Label),
            _ => context.Nas().Regression(data, TabularSets.Label),
        };

        var result = await experiment.SetValidation(PipelineValidation.Holdout()).RunMlNetDefaultsAsync();

        result.Trials.Select(t => t.Trainer).Should().Equal(PipelineTrainers.For(task).Select(t => t.Name));
        result.Trials.Should().OnlyContain(t => t.Status == TrialStatus.Succeeded, string.Join("; ", result.Trials.Select(t => t.Error)));
        result.Description.Should().Contain("(ML.NET defaults)");
        result.EnsureModel();
    }
}
