using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Tuners.Gp;

public class GpTunerTests
{
    private static NasTuners.SearchSpace Square() => new()
    {
        ["x"] = new UniformDoubleOption(0, 1),
        ["y"] = new UniformDoubleOption(0, 1),
    };

    private static double Bowl(Parameter p) =>
        Math.Pow(p["x"].AsDouble() - 0.3, 2) + Math.Pow(p["y"].AsDouble() - 0.7, 2);

    // Fast options for tests: fewer samples and candidates.
    private static GpOptions Fast(HyperparameterMode mode = HyperparameterMode.Map) => new()
    {
        HyperparameterMode = mode,
        HyperparameterSamples = 3,
        InitialBurnIn = 10,
        BurnIn = 1,
        RandomCandidates = 100,
        LocalCandidates = 50,
        RefinementStarts = 2,
    };

    private static List<(Parameter Parameter, double Loss)> Run(ITuner tuner, int trials, Func<Parameter, double> objective)
    {
        var history = new List<(Parameter, double)>();
        for (var t = 0; t < trials; t++)
        {
            var settings = new TrialSettings { TrialId = t };
            settings.Parameter = tuner.Propose(settings);
            var loss = objective(settings.Parameter);
            tuner.Update(new TrialResult { TrialSettings = settings, Loss = loss, DurationInMilliseconds = 10 });
            history.Add((settings.Parameter, loss));
        }
        return history;
    }

    [Theory]
    [InlineData(HyperparameterMode.Map)]
    [InlineData(HyperparameterMode.SliceSampling)]
    public void The_GP_finds_the_minimum_of_a_bowl_far_better_than_its_initial_design(HyperparameterMode mode)
    {
        var history = Run(new GpTuner(Square(), Fast(mode), seed: 1), 20, Bowl);
        history.Take(5).Min(h => h.Loss).Should().BeGreaterThan(1e-3);
        history.Min(h => h.Loss).Should().BeLessThan(1e-4);
    }

    [Theory]
    [InlineData(HyperparameterMode.Map)]
    [InlineData(HyperparameterMode.SliceSampling)]
    public void The_same_seed_gives_the_same_proposals(HyperparameterMode mode)
    {
        string Trace(int seed) => string.Join(";", Run(new GpTuner(Square(), Fast(mode), seed), 9, Bowl).Select(h => h.Parameter.ToString()));
        Trace(3).Should().Be(Trace(3));
        Trace(3).Should().NotBe(Trace(4));
    }

    [Fact]
    public void The_initial_design_is_a_latin_hypercube_of_max_2d_5_points()
    {
        var tuner = new GpTuner(Square(), Fast(), seed: 2);
        var design = Enumerable.Range(0, 5).Select(t => tuner.Propose(new TrialSettings { TrialId = t })).ToList();
        foreach (var key in new[] { "x", "y" })
        {
            design.Select(p => (int)(p[key].AsDouble() * 5)).Order().Should().Equal(0, 1, 2, 3, 4);
        }
    }

    [Fact]
    public void Fantasies_make_a_second_pending_proposal_differ_from_the_first()
    {
        var tuner = new GpTuner(Square(), Fast(), seed: 5);
        Run(tuner, 10, Bowl);
        var first = tuner.Propose(new TrialSettings { TrialId = 100 });
        var second = tuner.Propose(new TrialSettings { TrialId = 101 });
        var distance = Math.Sqrt(Math.Pow(first["x"].AsDouble() - second["x"].AsDouble(), 2) + Math.Pow(first["y"].AsDouble() - second["y"].AsDouble(), 2));
        distance.Should().BeGreaterThan(1e-3);

        // Without the pending trial, the tuner would propose (nearly) the first point again.
        var fresh = new GpTuner(Square(), Fast(), seed: 5);
        Run(fresh, 10, Bowl);
        fresh.Propose(new TrialSettings { TrialId = 100 }).ToString().Should().Be(first.ToString());
    }

    [Fact]
    public void Failed_and_non_finite_trials_are_kept_out_of_the_GP_and_not_proposed_again()
    {
        var tuner = new GpTuner(Square(), Fast(), seed: 6);
        var failed = new List<string>();
        for (var t = 0; t < 16; t++)
        {
            var settings = new TrialSettings { TrialId = t };
            settings.Parameter = tuner.Propose(settings);
            failed.Should().NotContain(settings.Parameter.ToString());
            var result = (t % 3) switch
            {
                0 => new TrialResult { TrialSettings = settings, Status = TrialStatus.Failed, Error = "boom" },
                1 => new TrialResult { TrialSettings = settings, Loss = double.NaN },
                _ => new TrialResult { TrialSettings = settings, Loss = Bowl(settings.Parameter) },
            };
            if (!result.HasUsableLoss) failed.Add(settings.Parameter.ToString());
            tuner.Update(result);
        }
        tuner.ObservationCount.Should().Be(5);
        tuner.Model.Should().NotBeNull();
        tuner.Model!.Count.Should().Be(tuner.ObservationCount);
    }

    [Fact]
    public void Mixed_integer_categorical_and_conditional_spaces_get_valid_distinct_proposals()
    {
        var space = new NasTuners.SearchSpace
        {
            ["lr"] = new UniformDoubleOption(1e-4, 1e-1, logBase: true),
            ["layers"] = new UniformIntOption(1, 6),
            ["activation"] = new ChoiceOption("relu", "gelu", "tanh"),
            ["model"] = new ConditionalChoiceOption(
                ("tree", new NasTuners.SearchSpace { ["depth"] = new UniformIntOption(1, 10) }),
                ("linear", new NasTuners.SearchSpace { ["l2"] = new UniformDoubleOption(1e-6, 1, logBase: true) })),
        };
        double Objective(Parameter p) =>
            Math.Pow(Math.Log10(p["lr"].AsDouble()) + 2, 2) + Math.Abs(p["layers"].AsDouble() - 4) +
            (p["activation"].AsString() == "gelu" ? 0 : 1) + (p["model"].AsString() == "tree" ? Math.Abs(p["depth"].AsDouble() - 3) : 2);
        var history = Run(new GpTuner(space, Fast(), seed: 7), 30, Objective);

        history.Select(h => h.Parameter.ToString()).Should().OnlyHaveUniqueItems();
        foreach (var (parameter, _) in history) space.Invoking(s => s.MappingToFeatureSpace(parameter)).Should().NotThrow();
        history.Min(h => h.Loss).Should().BeLessThan(history.Take(10).Min(h => h.Loss));
    }

    [Fact]
    public void EI_per_second_and_input_warping_run()
    {
        var options = Fast();
        options.ExpectedImprovementPerSecond = true;
        options.InputWarping = true;
        var tuner = new GpTuner(Square(), options, seed: 8);
        var history = new List<double>();
        for (var t = 0; t < 12; t++)
        {
            var settings = new TrialSettings { TrialId = t };
            settings.Parameter = tuner.Propose(settings);
            var loss = Bowl(settings.Parameter);
            history.Add(loss);
            tuner.Update(new TrialResult { TrialSettings = settings, Loss = loss, DurationInMilliseconds = 100 + 1000 * settings.Parameter["x"].AsDouble() });
        }
        history.Min().Should().BeLessThan(history.Take(5).Min());
    }

    [Fact]
    public void Bad_options_are_refused_with_the_option_name()
    {
        FluentActions.Invoking(() => new GpTuner(Square(), new GpOptions { MaxLengthScale = 0.001 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MinLengthScale*");
        FluentActions.Invoking(() => new GpTuner(Square(), new GpOptions { HyperparameterSamples = 0 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*HyperparameterSamples*");
        FluentActions.Invoking(() => new GpTuner(Square(), new GpOptions { MaxEstimationObservations = 1 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MaxEstimationObservations*");
    }

    [Fact]
    public void Results_the_tuner_did_not_propose_count_towards_the_initial_design()
    {
        var tuner = new GpTuner(Square(), Fast(), seed: 3);
        var random = new Random(3);
        for (var id = 0; id < 5; id++)
        {
            var given = new TrialSettings { TrialId = id, Parameter = Parameter.FromObject(new { x = random.NextDouble(), y = random.NextDouble() }) };
            tuner.Update(new TrialResult { TrialSettings = given, Loss = Bowl(given.Parameter) });
        }

        tuner.Propose(new TrialSettings { TrialId = 5 });

        tuner.Model.Should().NotBeNull("five results fill the five-point design, so the first proposal comes from the GP");
        tuner.ObservationCount.Should().Be(5);
    }

    [Fact]
    public void Past_MaxEstimationObservations_the_model_still_conditions_on_every_observation()
    {
        var options = Fast();
        options.MaxEstimationObservations = 8;
        var tuner = new GpTuner(Square(), options, seed: 4);

        var history = Run(tuner, 25, Bowl);

        tuner.Model!.Count.Should().Be(24, "the GP was fitted to every result before the last proposal");
        history.Min(h => h.Loss).Should().BeLessThan(history.Take(5).Min(h => h.Loss));
    }

    [Fact]
    public void A_categorical_with_a_thousand_choices_is_one_column_and_the_GP_returns_only_to_good_choices()
    {
        var choices = Enumerable.Range(0, 1000).Select(i => (object)$"c{i}").ToArray();
        var space = new NasTuners.SearchSpace { ["x"] = new UniformDoubleOption(0, 1), ["c"] = new ChoiceOption(choices) };
        // Even choices are good, odd ones bad: nothing in the index order tells them apart for the kernel, only equality.
        static bool Good(string choice) => int.Parse(choice[1..]) % 2 == 0;
        double Loss(Parameter p) => Math.Pow(p["x"].AsDouble() - 0.4, 2) + (Good(p["c"].AsString()) ? 0 : 1);
        var tuner = new GpTuner(space, Fast(), seed: 5);

        var history = Run(tuner, 40, Loss);

        tuner.Encoding.Dimension.Should().Be(2);
        var proposed = history.Select(h => h.Parameter["c"].AsString()).ToList();
        proposed.Should().OnlyContain(c => choices.Contains(c));
        // A choice proposed again is one the GP learned from its own result; random search would rarely repeat one
        // of 1,000 in 40 trials, and half of its repeats would be bad.
        var repeated = proposed.Where((c, i) => proposed.IndexOf(c) < i).ToList();
        repeated.Should().HaveCountGreaterThanOrEqualTo(3).And.OnlyContain(c => int.Parse(c.Substring(1)) % 2 == 0, "the GP returns to choices it saw do well");
    }
}
