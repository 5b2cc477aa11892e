namespace Microsoft.ML.NasTuners.AutoML.Tests.Translation;

using Microsoft.ML.AutoML;
using Microsoft.ML.SearchSpace.Option;
using AutoMLParameter = Microsoft.ML.SearchSpace.Parameter;
using AutoMLParameterType = Microsoft.ML.SearchSpace.ParameterType;
using AutoMLSearchSpace = Microsoft.ML.SearchSpace.SearchSpace;
using OurSearchSpace = Microsoft.ML.NasTuners.SearchSpace;

/// <summary>AutoML's experiment-level space becomes ours, read through its public dictionary and option properties,
/// and our proposals go back as AutoML parameters of the full nested shape.</summary>
public class SpaceTranslatorTests
{
    private static readonly SpaceTranslator Translator = new(AutoMLContract.Bind(typeof(ITuner)).Parameters);

    private static ExperimentTranslation Translate(params (string Key, AutoMLSearchSpace Space)[] spaces)
    {
        var experiment = new AutoMLSearchSpace();
        foreach (var (key, space) in spaces) experiment[key] = space;
        return Translator.TranslateExperiment(experiment);
    }

    private static ExperimentTranslation Pipeline() => Translate((AutoMLExperiment.PipelineSearchspaceName, PipelineSpaces.TwoSchemas()));

    private static OurSearchSpace PipelineOf(ExperimentTranslation translation) => (OurSearchSpace)translation.Ours["_pipeline_"];

    [Fact]
    public void Numeric_options_keep_their_range_scale_default_and_type()
    {
        var ours = PipelineOf(Pipeline());
        var tree = (ConditionalChoiceOption)ours["_SCHEMA_"];
        var e1 = (OurSearchSpace)tree[PipelineSpaces.TreeSchema]["e1"];

        // The default is the value AutoML's own sampling gives at its default point: 20 on a log scale floors to 19.
        var leaves = ((AutoMLSearchSpace)PipelineSpaces.TwoSchemas()["e1"])["NumberOfLeaves"];
        var autoMLDefault = leaves.SampleFromFeatureSpace(leaves.Default!).AsType<double>();
        e1["NumberOfLeaves"].Should().BeOfType<NasTuners.UniformIntOption>()
            .Which.Should().BeEquivalentTo(new { Min = 4.0, Max = 1024.0, LogBase = true, DefaultValue = autoMLDefault });
        e1["LearningRate"].Should().BeOfType<NasTuners.UniformDoubleOption>()
            .Which.Should().BeEquivalentTo(new { Min = 1e-3, Max = 1.0, LogBase = true });
        ((NasTuners.UniformNumericOption)e1["LearningRate"]).DefaultValue.Should().BeApproximately(0.1, 1e-12);
        e1["FeatureFraction"].Should().BeOfType<NasTuners.UniformSingleOption>()
            .Which.Should().BeEquivalentTo(new { Min = 0.5, Max = 1.0, LogBase = false, DefaultValue = 1.0 });
    }

    [Fact]
    public void Choices_keep_their_values_apart_by_type_and_their_default()
    {
        var e0 = (OurSearchSpace)PipelineOf(Pipeline())["e0"];

        var ngram = e0["ngram"].Should().BeOfType<NasTuners.ChoiceOption>().Subject;
        ngram.Choices.Select(c => c.AsString()).Should().Equal("1", "2", "3");
        ngram.DefaultIndex.Should().Be(1);
        ((NasTuners.ChoiceOption)e0["normalize"]).Choices.Select(c => c.AsString()).Should().Equal("true", "false");
    }

    [Fact]
    public void A_pipeline_schema_becomes_a_conditional_choice_so_estimators_it_does_not_use_are_inactive()
    {
        var view = Pipeline().Ours.ModelView;

        view.Dimensions.Where(d => d.Name.StartsWith("_pipeline_.e0.", StringComparison.Ordinal))
            .Should().HaveCount(2).And.OnlyContain(d => !d.IsConditional, "both schemas use the featurizer");
        var selector = view.Dimensions.Single(d => d.IsBranchSelector);
        selector.Choices.Select(c => c.AsString()).Should().Equal(PipelineSpaces.TreeSchema, PipelineSpaces.BoostingSchema);
        view.Dimensions.Where(d => d.Name.Contains(".e1.", StringComparison.Ordinal)).Should().HaveCount(3)
            .And.OnlyContain(d => d.Condition!.ParentIndex == selector.Index && d.Condition.ActiveValues.SequenceEqual(new[] { 0 }));
        view.Dimensions.Where(d => d.Name.Contains(".e2.", StringComparison.Ordinal)).Should().HaveCount(4)
            .And.OnlyContain(d => d.Condition!.ParentIndex == selector.Index && d.Condition.ActiveValues.SequenceEqual(new[] { 1 }));
    }

    [Fact]
    public void Every_point_of_our_space_goes_back_as_a_parameter_AutoMLs_sampling_could_produce()
    {
        var translation = Pipeline();
        var autoML = new AutoMLSearchSpace { ["_pipeline_"] = PipelineSpaces.TwoSchemas() };
        var random = new Random(11);

        for (var i = 0; i < 200; i++)
        {
            var point = Enumerable.Range(0, translation.Ours.FeatureSpaceDim).Select(_ => random.NextDouble()).ToArray();
            var sent = (AutoMLParameter)translation.ToAutoML(translation.Ours.SampleFromFeatureSpace(point), 1);

            AutoMLProposals.Problems(autoML, sent).Should().BeEmpty();
            autoML.Invoking(s => s.MappingToFeatureSpace(sent)).Should().NotThrow();
        }
    }

    [Fact]
    public void Values_go_back_with_AutoMLs_types_and_an_inactive_estimator_at_AutoMLs_default()
    {
        var translation = Pipeline();
        var ours = NasTuners.Parameter.CreateNestedParameter(KeyValuePair.Create("_pipeline_", NasTuners.Parameter.CreateNestedParameter(
            KeyValuePair.Create("e0", NasTuners.Parameter.CreateNestedParameter(
                KeyValuePair.Create("normalize", NasTuners.Parameter.FromString("false")),
                KeyValuePair.Create("ngram", NasTuners.Parameter.FromString("3")))),
            KeyValuePair.Create("_SCHEMA_", NasTuners.Parameter.FromString(PipelineSpaces.TreeSchema)),
            KeyValuePair.Create("e1", NasTuners.Parameter.CreateNestedParameter(
                KeyValuePair.Create("NumberOfLeaves", NasTuners.Parameter.FromInt(77)),
                KeyValuePair.Create("LearningRate", NasTuners.Parameter.FromDouble(0.25)),
                KeyValuePair.Create("FeatureFraction", NasTuners.Parameter.FromFloat(0.75f)))))));

        var pipeline = ((AutoMLParameter)translation.ToAutoML(ours, 1))["_pipeline_"];

        pipeline["_SCHEMA_"].AsType<string>().Should().Be(PipelineSpaces.TreeSchema);
        pipeline["e0"]["normalize"].ParameterType.Should().Be(AutoMLParameterType.Bool);
        pipeline["e0"]["normalize"].AsType<bool>().Should().BeFalse();
        pipeline["e0"]["ngram"].ParameterType.Should().Be(AutoMLParameterType.Integer);
        pipeline["e0"]["ngram"].AsType<int>().Should().Be(3);
        pipeline["e1"]["NumberOfLeaves"].ParameterType.Should().Be(AutoMLParameterType.Integer);
        pipeline["e1"]["NumberOfLeaves"].AsType<int>().Should().Be(77);
        pipeline["e1"]["LearningRate"].AsType<double>().Should().Be(0.25);
        pipeline["e1"]["FeatureFraction"].AsType<float>().Should().Be(0.75f);
        pipeline["e1"]["LabelColumnName"].AsType<string>().Should().Be(PipelineSpaces.LabelColumn,
            "AutoML's samples of a space made from a default object carry its unsearched properties");
        var e2 = (AutoMLSearchSpace)PipelineSpaces.TwoSchemas()["e2"];
        e2.MappingToFeatureSpace(pipeline["e2"]).Should().Equal(e2.Default,
            "the boosting trainer is not in the chosen schema, so it keeps AutoML's own default");
    }

    [Fact]
    public void The_sub_sampling_ratio_is_no_hyper_parameter_and_goes_back_as_the_trials_fraction()
    {
        var subSampling = new AutoMLSearchSpace { [TrainValidateDatasetManager.SubSamplingKey] = new UniformSingleOption(0, 1, false, 0.1f) };
        var translation = Translate(("model", new AutoMLSearchSpace { ["x"] = new UniformDoubleOption(0, 1) }), ("TrainValidateDatasetManager", subSampling));

        translation.Ours.Keys.Should().Equal("model");
        translation.SubSampling.Should().NotBeNull();
        var sent = (AutoMLParameter)translation.ToAutoML(translation.Ours.SampleDefault(), 0.25);
        PipelineLoss.SubSamplingRatio(sent).Should().Be(0.25);
    }

    [Fact]
    public void An_option_of_an_unknown_kind_is_refused_naming_its_key()
    {
        var space = new AutoMLSearchSpace { ["estimator"] = new AutoMLSearchSpace { ["odd"] = new UnknownOption() } };

        var act = () => Translator.TranslateExperiment(new AutoMLSearchSpace { ["m"] = space });

        act.Should().Throw<NotSupportedException>().WithMessage("*'m.estimator.odd'*UnknownOption*");
    }

    private sealed class UnknownOption : OptionBase
    {
        public override int FeatureSpaceDim => 1;

        public override int?[] Step => [null];

        public override double[] MappingToFeatureSpace(AutoMLParameter param) => [0];

        public override AutoMLParameter SampleFromFeatureSpace(double[] values) => AutoMLParameter.FromInt(0);
    }
}
