namespace Microsoft.ML.NasTuners.AutoML.Tests;

using Microsoft.ML.AutoML;
using Microsoft.ML.NasTuners.Tuners;
using Microsoft.ML.SearchSpace.Option;
using AutoMLSearchSpace = Microsoft.ML.SearchSpace.SearchSpace;

/// <summary>The one line a user writes: <c>SetTuner(sp =&gt; AutoMLTuners.Create&lt;ITuner&gt;(sp, kind, seed))</c>.</summary>
public class AutoMLTunersTests
{
    private static AutoMLSearchSpace Small() => new() { ["x"] = new UniformDoubleOption(0, 1), ["k"] = new ChoiceOption("a", "b") };

    private static double SmallLoss(TrialSettings trial) =>
        trial.Parameter["m"]["x"].AsType<double>() + (trial.Parameter["m"]["k"].AsType<string>() == "a" ? 0 : 1);

    [Fact]
    public async Task The_tuner_is_an_object_of_AutoMLs_own_ITuner_that_AutoMLs_loop_takes()
    {
        ITuner? created = null;
        var experiment = TwinRun.NewExperiment(out _).AddSearchSpace("m", Small());

        await experiment.SetTuner(sp => created = AutoMLTuners.Create<ITuner>(sp, TunerKind.Smac, seed: 1))
            .SetTrialRunner(new FunctionTrialRunner(SmallLoss)).SetMaxModelToExplore(3).RunAsync();

        created.Should().NotBeNull().And.BeAssignableTo<ITuner>();
        AutoMLTunerProxy.BridgeOf(created!)!.Tuner.Should().BeOfType<SmacTuner>();
    }

    [Fact]
    public void A_type_argument_other_than_AutoMLs_ITuner_is_refused_naming_the_one_it_needs()
    {
        var services = ServicesOf(Small());

        var act = () => AutoMLTuners.Create<NasTuners.ITuner>(services, TunerKind.Tpe, 1);

        act.Should().Throw<ArgumentException>().WithMessage("*Microsoft.ML.AutoML.ITuner*Microsoft.ML.NasTuners.ITuner*");
    }

    [Fact]
    public void A_provider_that_is_not_an_AutoML_experiments_is_refused_saying_where_to_call_it()
    {
        var act = () => AutoMLTuners.Create<ITuner>(new EmptyServices(), TunerKind.Tpe, 1);

        act.Should().Throw<InvalidOperationException>().WithMessage("*AutoMLExperimentSettings*SetTuner(sp =>*");
    }

    [Theory]
    [InlineData(TunerKind.Hyperband)]
    [InlineData(TunerKind.Asha)]
    [InlineData(TunerKind.Bohb)]
    public async Task A_multi_fidelity_kind_without_a_sub_sampled_dataset_is_refused_explaining_how_to_enable_it(TunerKind kind)
    {
        var experiment = TwinRun.NewExperiment(out _).AddSearchSpace("m", Small())
            .SetTuner(sp => AutoMLTuners.Create<ITuner>(sp, kind, seed: 1))
            .SetTrialRunner(new FunctionTrialRunner(SmallLoss));

        var act = () => experiment.RunAsync();

        (await act.Should().ThrowAsync<InvalidOperationException>())
            .WithMessage($"*{kind}*multi-fidelity*SetDataset(train, validation, subSamplingTrainDataset: true)*");
    }

    [Fact]
    public async Task Without_a_seed_the_tuner_takes_the_experiments()
    {
        var implicitSeed = await RunSmall(new AutoMLTunerOptions { Kind = TunerKind.Random });
        var sameSeed = await RunSmall(new AutoMLTunerOptions { Kind = TunerKind.Random, Seed = 5 });
        var otherSeed = await RunSmall(new AutoMLTunerOptions { Kind = TunerKind.Random, Seed = 6 });

        implicitSeed.Should().Equal(sameSeed, "TwinRun's experiments have seed 5");
        implicitSeed.Should().NotEqual(otherSeed);
    }

    [Fact]
    public async Task Any_tuner_of_ours_with_its_own_options_can_stand_behind_AutoML()
    {
        NasTuners.SearchSpace? seen = null;
        var run = await TwinRun.RunAsync(experiment => experiment.AddSearchSpace("m", Small()),
            services => AutoMLTuners.Create<ITuner>(services, new AutoMLTunerOptions
            {
                CreateTuner = (space, seed) => new TpeTuner(seen = space, new TpeOptions { Multivariate = true }, seed),
            }), 6, SmallLoss);

        run.Bridge.Tuner.Should().BeOfType<TpeTuner>();
        seen!.Keys.Should().Equal("m");
        run.Proposals.Should().HaveCount(6);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_minimum_sub_sampling_ratio_outside_0_to_1_is_refused(double ratio)
    {
        var act = () => AutoMLTuners.Create<ITuner>(ServicesOf(Small()), new AutoMLTunerOptions { MinSubSamplingRatio = ratio });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(AutoMLTunerOptions.MinSubSamplingRatio));
    }

    private static async Task<List<string>> RunSmall(AutoMLTunerOptions options)
    {
        var run = await TwinRun.RunAsync(experiment => experiment.AddSearchSpace("m", Small()),
            services => AutoMLTuners.Create<ITuner>(services, options), 5, SmallLoss);
        return run.Proposals.Select(p => p.ToString()).ToList();
    }

    private static IServiceProvider ServicesOf(AutoMLSearchSpace space) =>
        new SettingsOnly(new AutoMLExperiment.AutoMLExperimentSettings { SearchSpace = new AutoMLSearchSpace { ["m"] = space } });

    private sealed class SettingsOnly(AutoMLExperiment.AutoMLExperimentSettings settings) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == settings.GetType() ? settings : null;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
