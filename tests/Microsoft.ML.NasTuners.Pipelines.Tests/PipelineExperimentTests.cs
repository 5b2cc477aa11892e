using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.NasTuners.Pipelines.Trainers;
using Microsoft.ML.NasTuners.Tuners;
using Microsoft.ML.Trainers.LightGbm;

namespace Microsoft.ML.NasTuners.Pipelines.Tests;

public class PipelineExperimentTests
{
    [DataTheory("tabular")]
    [InlineData("breast_cancer")]
    [InlineData("pima")]
    [InlineData("house_votes84")]
    public async Task Binary_classification_returns_a_model_that_scores_new_rows(string set)
    {
        var context = new MLContext(seed: 1);
        var (train, test) = TabularSets.Split(context, set);

        var result = await context.Nas().BinaryClassification(train, TabularSets.Label, test).SetMaxTrials(4).RunAsync();

        result.EnsureModel().Trials.Should().HaveCount(4);
        result.Metric.Should().Be(PipelineMetric.Auc);
        result.TestMetrics![PipelineMetric.Auc].Should().BeGreaterThan(0.75);
        var predicted = result.Model!.Transform(NewRows.WithoutLabel(context, test)).GetColumn<bool>("PredictedLabel").ToArray();
        predicted.Should().HaveCount(NewRows.Count(test)).And.Contain(true).And.Contain(false);
    }

    [DataFact("tabular")]
    public async Task Multiclass_classification_on_wine_predicts_class_names()
    {
        var context = new MLContext(seed: 1);
        var (train, test) = TabularSets.Split(context, "wine");

        var result = await context.Nas().MulticlassClassification(train, TabularSets.Label, test).SetMaxTrials(4).RunAsync();

        result.EnsureModel();
        result.Metric.Should().Be(PipelineMetric.MicroAccuracy);
        result.TestMetrics![PipelineMetric.MicroAccuracy].Should().BeGreaterThan(0.6);
        var predicted = result.Model!.Transform(NewRows.WithoutLabel(context, test)).GetColumn<ReadOnlyMemory<char>>("PredictedLabel")
            .Select(p => p.ToString()).ToArray();
        predicted.Should().HaveCount(NewRows.Count(test)).And.OnlyContain(p => p == "0" || p == "1" || p == "2");
    }

    [DataFact("tabular")]
    public async Task Multiclass_classification_on_letter_works_with_a_narrowed_LightGbm()
    {
        var context = new MLContext(seed: 1);
        var (train, test) = TabularSets.Split(context, "letter");
        var experiment = context.Nas().MulticlassClassification(train, TabularSets.Label, test).SetTrainers("LightGbm");
        var fewTrees = experiment.Trainers.Single().WithOption("NumberOfIterations", new UniformIntOption(4, 10));

        var result = await experiment.AddTrainer(fewTrees).SetMaxTrials(2).RunAsync();

        result.EnsureModel().TestMetrics![PipelineMetric.MicroAccuracy].Should().BeGreaterThan(0.5, "26 letters by chance are 0.04");
        result.Trials.Should().OnlyContain(t => t.Trainer == "LightGbm" && t.Parameter["NumberOfIterations"].AsInt() <= 10);
        var predicted = result.Model!.Transform(NewRows.WithoutLabel(context, test)).GetColumn<ReadOnlyMemory<char>>("PredictedLabel").First().ToString();
        predicted.Should().MatchRegex("^[A-Z]$");
    }

    [DataFact("tabular")]
    public async Task Regression_on_diabetes_returns_a_model_that_scores_new_rows()
    {
        var context = new MLContext(seed: 1);
        var (train, test) = TabularSets.Split(context, "diabetes");

        var result = await context.Nas().Regression(train, TabularSets.Label, test).SetMaxTrials(8).RunAsync();

        result.EnsureModel();
        result.Metric.Should().Be(PipelineMetric.RSquared);
        result.TestMetrics![PipelineMetric.RSquared].Should().BeGreaterThan(0.2, result + string.Join("\n", result.Trials.Select(t => $"{t.Trainer} {t.Budget} {t.Status} {t.Metric} {t.Parameter}")));
        result.Model!.Transform(NewRows.WithoutLabel(context, test)).GetColumn<float>("Score").Should().HaveCount(NewRows.Count(test))
            .And.OnlyContain(s => float.IsFinite(s));
    }

    [DataFact("tabular")]
    public async Task Restricted_trainers_are_the_only_ones_tried_and_an_unknown_name_is_refused()
    {
        var context = new MLContext(seed: 2);
        var experiment = context.Nas().BinaryClassification(TabularSets.Load(context, "pima"), TabularSets.Label)
            .SetTrainers("SdcaLogisticRegression", "AveragedPerceptron").SetValidation(PipelineValidation.Holdout(0.25)).SetMaxTrials(5);

        var result = await experiment.RunAsync();

        result.Trials.Select(t => t.Trainer).Should().OnlyContain(t => t == "SdcaLogisticRegression" || t == "AveragedPerceptron");
        result.Description.Should().Contain("NormalizeMinMax", "linear trainers get normalised features");
        var unknown = () => experiment.SetTrainers("XgBoost");
        unknown.Should().Throw<ArgumentException>().WithMessage("*XgBoost*SdcaLogisticRegression*");
    }

    public sealed class OgdOptions
    {
        [Microsoft.ML.SearchSpace.Range(0.01f, 1f, 0.1f, true)]
        public float LearningRate { get; set; } = 0.1f;
    }

    [DataFact("tabular")]
    public async Task A_user_trainer_with_a_typed_search_space_is_searched_beside_the_defaults()
    {
        var context = new MLContext(seed: 3);
        var ogd = PipelineTrainer.Create("Ogd", PipelineTask.Regression, new SearchSpace<OgdOptions>(),
            (c, options, input) => c.Regression.Trainers.OnlineGradientDescent(input.LabelColumnName, input.FeatureColumnName, learningRate: options.LearningRate),
            needsNormalization: true);

        var result = await context.Nas().Regression(TabularSets.Load(context, "diabetes"), TabularSets.Label)
            .SetTrainers("Sdca").AddTrainer(ogd).SetTuner((space, seed) => new Tuners.RandomSearchTuner(space, seed))
            .SetValidation(PipelineValidation.Holdout()).SetMaxTrials(6).RunAsync();

        result.Trials.Should().Contain(t => t.Trainer == "Ogd" && t.Status == TrialStatus.Succeeded);
        result.Trials.Where(t => t.Trainer == "Ogd").Should().OnlyContain(t => t.Parameter["LearningRate"].AsDouble() >= 0.01 && t.Parameter["LearningRate"].AsDouble() <= 1);
    }

    [DataFact("tabular")]
    public async Task A_model_saved_and_loaded_scores_as_before()
    {
        var context = new MLContext(seed: 1);
        var (train, test) = TabularSets.Split(context, "house_votes84");
        var result = (await context.Nas().BinaryClassification(train, TabularSets.Label).SetTrainers("LightGbm").SetMaxTrials(2).RunAsync()).EnsureModel();
        var path = Path.Combine(Path.GetTempPath(), $"pipeline-{Guid.NewGuid():N}.zip");
        try
        {
            context.Model.Save(result.Model, result.InputSchema, path);
            var loaded = context.Model.Load(path, out _);

            var rows = NewRows.WithoutLabel(context, test);
            loaded.Transform(rows).GetColumn<float>("Score").Should().Equal(result.Model!.Transform(rows).GetColumn<float>("Score"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [DataFact("tabular")]
    public async Task A_search_starts_with_every_trainer_at_ML_NET_s_defaults_and_so_ends_no_worse_on_validation()
    {
        var context = new MLContext(seed: 4);
        PipelineExperiment Experiment() => context.Nas().BinaryClassification(TabularSets.Load(context, "pima"), TabularSets.Label)
            .SetTrainers("LightGbm", "FastTree", "LbfgsLogisticRegression").SetValidation(PipelineValidation.Holdout(0.25)).SetMaxTrials(5);

        var search = await Experiment().RunAsync();
        var defaults = await Experiment().RunMlNetDefaultsAsync();

        search.Trials.Take(3).Select(t => t.Trainer).Should().Equal("FastTree", "LightGbm", "LbfgsLogisticRegression"); // the order of Trainers
        search.Trials.Take(3).Should().OnlyContain(t => t.Budget == FidelityMapping.MaxBudget && t.UsesMlNetDefaults, "the defaults run on all the rows");
        search.Trials.Skip(3).Should().OnlyContain(t => !t.UsesMlNetDefaults);
        search.Trials.Take(3).Select(t => t.Metric).Should().Equal(defaults.Trials.Select(t => t.Metric),
            "a branch's default point is the trainer at ML.NET's default settings, validated alike");
        search.BestTrial!.Loss.Should().BeLessThanOrEqualTo(defaults.BestTrial!.Loss);
    }

    [DataFact("tabular")]
    public async Task Without_the_defaults_first_the_tuner_proposes_from_the_first_trial()
    {
        var context = new MLContext(seed: 4);
        var experiment = context.Nas().BinaryClassification(TabularSets.Load(context, "pima"), TabularSets.Label)
            .SetTrainers("LightGbm", "FastTree").SetValidation(PipelineValidation.Holdout(0.25)).SetMaxTrials(2);
        var defaultPoints = experiment.Trainers.Select(t => t.SearchSpace.SampleDefault().ToString()).ToArray();

        var result = await experiment.SetEvaluateDefaultsFirst(false).RunAsync();

        result.Trials.Select(t => t.Parameter.ToString()).Should().NotIntersectWith(defaultPoints);
    }

    [DataTheory("tabular")]
    [InlineData(null, null, NasExperiment.DefaultMaxTrials)]
    [InlineData(60.0, null, int.MaxValue)]
    [InlineData(60.0, 7, 7)]
    public async Task A_time_limit_alone_lifts_the_trial_limit_and_an_explicit_one_is_kept(double? timeLimit, int? maxTrials, int expected)
    {
        var context = new MLContext(seed: 1);
        var experiment = context.Nas().BinaryClassification(TabularSets.Load(context, "pima"), TabularSets.Label).SetTrainers("LbfgsLogisticRegression");
        if (timeLimit is { } seconds) experiment.SetTimeLimit(seconds);
        if (maxTrials is { } n) experiment.SetMaxTrials(n);
        using var stop = new CancellationTokenSource();
        var seen = new List<int>();
        experiment.SetProgress(new SynchronousProgress(p => { seen.Add(p.MaxTrials); stop.Cancel(); }));

        await experiment.RunAsync(stop.Token);

        seen.Should().NotBeEmpty().And.OnlyContain(m => m == expected);
    }

    private sealed class SynchronousProgress(Action<ExperimentProgress> report) : IProgress<ExperimentProgress>
    {
        public void Report(ExperimentProgress value) => report(value);
    }

    [DataFact("tabular")]
    public async Task Every_trial_records_its_loss_on_each_validation_fold_and_trials_pair_fold_by_fold()
    {
        var context = new MLContext(seed: 2);
        var (train, test) = TabularSets.Split(context, "diabetes", seed: 2);
        var result = (await context.Nas().Regression(train, TabularSets.Label, test).SetMaxTrials(8).SetEnsembleSize(1).RunAsync()).EnsureModel();

        var succeeded = result.Trials.Where(t => t.Status == TrialStatus.Succeeded).ToArray();
        succeeded.Should().HaveCountGreaterThan(5);
        succeeded.Should().OnlyContain(t => t.FoldLosses.Count == 5 && Math.Abs(t.FoldLosses.Average() - t.Loss) < 1e-9, "5 folds, whose mean is the loss");
        succeeded.Select(t => t.FoldLosses[0]).Distinct().Should().HaveCountGreaterThan(1, "each trial's own losses, not one copy");
        var again = (await context.Nas().Regression(train, TabularSets.Label, test).SetMaxTrials(8).SetEnsembleSize(1).RunAsync()).Trials;
        again.Select(t => t.FoldLosses).Should().BeEquivalentTo(result.Trials.Select(t => t.FoldLosses), o => o.WithStrictOrdering(),
            "the folds depend only on the seed, so a trial's fold losses reproduce");
    }

    [DataFact("tabular")]
    public async Task The_model_is_the_best_configuration_at_the_full_budget_with_all_its_boosting_iterations()
    {
        // BOHB's first trial runs at the lowest budget: a ninth of LightGbm's iterations on a fraction of the rows.
        var context = new MLContext(seed: 1);
        var (train, test) = TabularSets.Split(context, "pima");
        var experiment = context.Nas().BinaryClassification(train, TabularSets.Label, test).SetTrainers("LightGbm");
        // Light regularisation, so that LightGbm never stops early for want of a split worth its penalty.
        var lightGbm = experiment.Trainers.Single();
        experiment.AddTrainer(lightGbm.WithOption("L1Regularization", new UniformDoubleOption(1e-3, 1e-2, logBase: true))
            .WithOption("L2Regularization", new UniformDoubleOption(1e-3, 1e-2, logBase: true)));
        var result = (await experiment.SetTuner(TunerKind.Bohb).SetEvaluateDefaultsFirst(false).SetMaxTrials(1).SetEnsembleSize(1).RunAsync()).EnsureModel();

        var trial = result.BestTrial!;
        trial.Budget.Should().Be(FidelityMapping.MinBudget);
        var iterations = trial.Parameter["NumberOfIterations"].AsInt();
        iterations.Should().BeGreaterThan(TrainerInput.MinIterations * 9, "so that a ninth of them differs from all of them");
        var trees = Flatten(result.Model!).OfType<BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>>()
            .Single().Model.SubModel.TrainedTreeEnsemble.Trees.Count;
        trees.Should().Be(iterations, $"the refit trains every boosting iteration of the configuration, not its budget's ninth ({trial.Parameter})");
    }

    private static IEnumerable<ITransformer> Flatten(ITransformer transformer) => transformer is IEnumerable<ITransformer> chain
        ? chain.SelectMany(Flatten)
        : [transformer];

    [DataFact("tabular")]
    public void A_label_that_is_not_there_is_refused_with_the_columns_named()
    {
        var context = new MLContext(seed: 1);
        var experiment = context.Nas().BinaryClassification(TabularSets.Load(context, "pima"), "Outcome");

        var run = () => experiment.RunAsync();

        run.Should().ThrowAsync<ArgumentException>().WithMessage("*Outcome*glucose*");
    }
}
