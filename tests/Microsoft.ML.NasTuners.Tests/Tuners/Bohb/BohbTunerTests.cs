using Microsoft.ML.NasTuners.Tests.Tuners.Hyperband;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Tuners.Bohb;

public class BohbTunerTests
{
    private static double Sphere(Parameter p) => Math.Pow(p["x"].AsDouble() - 0.8, 2) + Math.Pow(p["y"].AsDouble() - 0.2, 2);

    // Results reported as if from elsewhere (ids the tuner never proposed), which the model learns from all the same.
    private static void Observe(ITuner tuner, Random random, double budget, int count, ref int id)
    {
        var space = TunerDriver.Space();
        for (var i = 0; i < count; i++)
        {
            var p = space.SampleFromFeatureSpace([random.NextDouble(), random.NextDouble()]);
            tuner.Update(new TrialResult { TrialSettings = new TrialSettings { TrialId = 10_000 + id++, Budget = budget, Parameter = p }, Loss = Sphere(p) });
        }
    }

    [Fact]
    public void The_model_comes_from_the_largest_budget_with_enough_points()
    {
        // d = 2: each density needs 3 points, so a budget needs max(3, floor(0.15 n)) + 3 observations: 6 here.
        var tuner = new BohbTuner(TunerDriver.Space(), new BohbOptions { MinBudget = 1, MaxBudget = 9 });
        var random = new Random(1);
        var id = 0;
        tuner.ModelBudget.Should().BeNull();
        Observe(tuner, random, budget: 1, count: 5, ref id);
        tuner.ModelBudget.Should().BeNull("5 points are too few for two densities of 3");
        Observe(tuner, random, budget: 1, count: 20, ref id);
        tuner.ModelBudget.Should().Be(1);
        Observe(tuner, random, budget: 9, count: 5, ref id);
        tuner.ModelBudget.Should().Be(1, "budget 9 has only 5 points");
        Observe(tuner, random, budget: 3, count: 6, ref id);
        tuner.ModelBudget.Should().Be(3);
        Observe(tuner, random, budget: 9, count: 1, ref id);
        tuner.ModelBudget.Should().Be(9);
    }

    [Fact]
    public void Failed_trials_count_as_bad_points_but_the_good_density_needs_enough_successes()
    {
        var tuner = new BohbTuner(TunerDriver.Space(), new BohbOptions { MinBudget = 1, MaxBudget = 9, MinPointsInModel = 2 });
        var space = TunerDriver.Space();
        for (var i = 0; i < 10; i++)
        {
            var p = space.SampleFromFeatureSpace([0.1 * i, 0.5]);
            tuner.Update(new TrialResult { TrialSettings = new TrialSettings { TrialId = 100 + i, Budget = 1, Parameter = p }, Status = TrialStatus.Failed });
        }
        tuner.ModelBudget.Should().BeNull("no success to model the good configurations");
        var q = space.SampleFromFeatureSpace([0.5, 0.5]);
        tuner.Update(new TrialResult { TrialSettings = new TrialSettings { TrialId = 200, Budget = 1, Parameter = q }, Loss = 1 });
        tuner.Update(new TrialResult { TrialSettings = new TrialSettings { TrialId = 201, Budget = 1, Parameter = q }, Loss = 2 });
        tuner.ModelBudget.Should().Be(1);
    }

    [Fact]
    public void Model_proposals_concentrate_on_the_good_region()
    {
        var options = new BohbOptions { MinBudget = 1, MaxBudget = 1, RandomFraction = 0 };
        var tuner = new BohbTuner(TunerDriver.Space(), options, seed: 3);
        var id = 0;
        Observe(tuner, new Random(2), budget: 1, count: 60, ref id);
        var driver = new TunerDriver(tuner);
        var proposals = Enumerable.Range(0, 40).Select(_ => driver.Propose().Parameter).ToArray();

        var random = new TunerDriver(new RandomSearchTuner(TunerDriver.Space(), seed: 3));
        var baseline = Enumerable.Range(0, 40).Select(_ => random.Propose().Parameter).ToArray();
        proposals.Select(Sphere).Average().Should().BeLessThan(0.3 * baseline.Select(Sphere).Average());
    }

    [Fact]
    public void A_random_fraction_of_one_never_uses_the_model()
    {
        var options = new BohbOptions { MinBudget = 1, MaxBudget = 1, RandomFraction = 1 };
        var space = TunerDriver.Space();
        var bohb = new BohbTuner(space, options, seed: 4);
        var hyperband = new HyperbandTuner(space, new HyperbandOptions { MinBudget = 1, MaxBudget = 1 }, seed: 4);
        var id = 0;
        Observe(bohb, new Random(2), budget: 1, count: 30, ref id);
        bohb.ModelBudget.Should().Be(1);
        // Each random proposal draws the random-fraction coin first, then the point.
        var mine = new TunerDriver(bohb);
        var proposals = Enumerable.Range(0, 10).Select(_ => mine.Propose().Parameter).ToArray();
        proposals.Should().OnlyContain(p => p["x"].AsDouble() >= 0 && p["x"].AsDouble() <= 1);
        proposals.Select(Sphere).Average().Should().BeGreaterThan(0.05, "uniform draws are not concentrated on the optimum");
    }

    [Fact]
    public void Bohb_runs_Hyperband_s_schedule_and_keeps_config_ids()
    {
        var driver = new TunerDriver(new BohbTuner(TunerDriver.Space(), seed: 1));
        var run = driver.RunSequentially(206, s => Sphere(s.Parameter));
        var schedule = new HyperbandSchedule(new HyperbandOptions());
        run.Select(s => s.Budget!.Value).Should().Equal(
            schedule.Brackets.SelectMany(b => b.Rungs.SelectMany(r => Enumerable.Repeat(r.Budget, r.Configurations))));
        foreach (var promoted in run.Where(s => s.PreviousBudget is not null))
            run.Should().Contain(s => s.ConfigId == promoted.ConfigId && s.Budget == promoted.PreviousBudget && s.Parameter.Equals(promoted.Parameter));
    }

    [Fact]
    public void Conditional_spaces_are_searched_with_inactive_parameters_left_out()
    {
        var space = new SearchSpace
        {
            ["model"] = new ConditionalChoiceOption(
                ("tree", new SearchSpace { ["depth"] = new UniformIntOption(1, 12) }),
                ("linear", new SearchSpace { ["l2"] = new UniformDoubleOption(1e-6, 1, logBase: true) })),
            ["lr"] = new UniformDoubleOption(1e-4, 1, logBase: true),
        };
        static double Loss(Parameter p) => p["model"].AsString() == "tree"
            ? Math.Abs(p["depth"].AsDouble() - 6) / 6 + Math.Abs(Math.Log10(p["lr"].AsDouble()) + 2)
            : 1 + Math.Abs(Math.Log10(p["l2"].AsDouble()) + 3);
        var tuner = new BohbTuner(space, new BohbOptions { MinBudget = 1, MaxBudget = 9, RandomFraction = 0 }, seed: 2);
        var driver = new TunerDriver(tuner);
        var run = driver.RunSequentially(200, s => Loss(s.Parameter));

        tuner.ModelBudget.Should().NotBeNull();
        run.Should().OnlyContain(s => space.ModelView.Encode(s.Parameter).Length == space.ModelView.Count);
        // The model learns that trees are better: late new configurations are mostly trees.
        var late = run.Skip(100).Where(s => s.PreviousBudget is null).ToArray();
        late.Count(s => s.Parameter["model"].AsString() == "tree").Should().BeGreaterThan(late.Length * 3 / 4);
    }

    [Fact]
    public void The_same_seed_gives_the_same_proposals()
    {
        static IEnumerable<string> Run(int seed) => new TunerDriver(new BohbTuner(TunerDriver.Space(), seed: seed))
            .RunSequentially(150, s => Sphere(s.Parameter)).Select(s => $"{s.ConfigId} {s.Budget} {s.Parameter}");
        Run(5).Should().Equal(Run(5));
        Run(5).Should().NotEqual(Run(6));
    }

    [Fact]
    public void Defaults_are_those_of_the_paper()
    {
        var options = new BohbOptions();
        options.TopFraction.Should().Be(0.15);
        options.RandomFraction.Should().Be(1.0 / 3);
        options.CandidateCount.Should().Be(64);
        options.BandwidthFactor.Should().Be(3);
        options.MinBandwidth.Should().Be(1e-3);
        options.MinPointsInModel.Should().BeNull();
        options.Eta.Should().Be(3);
        options.MinBudget.Should().Be(1);
        options.MaxBudget.Should().Be(81);
    }

    [Theory]
    [InlineData("TopFraction")]
    [InlineData("RandomFraction")]
    [InlineData("CandidateCount")]
    [InlineData("BandwidthFactor")]
    [InlineData("MinBandwidth")]
    [InlineData("MinPointsInModel")]
    [InlineData("Eta")]
    public void Invalid_options_throw_naming_the_option(string name)
    {
        var options = name switch
        {
            "TopFraction" => new BohbOptions { TopFraction = 1 },
            "RandomFraction" => new BohbOptions { RandomFraction = -0.1 },
            "CandidateCount" => new BohbOptions { CandidateCount = 0 },
            "BandwidthFactor" => new BohbOptions { BandwidthFactor = 0 },
            "MinBandwidth" => new BohbOptions { MinBandwidth = 0 },
            "MinPointsInModel" => new BohbOptions { MinPointsInModel = 0 },
            _ => new BohbOptions { Eta = 0.5 },
        };
        FluentActions.Invoking(() => new BohbTuner(TunerDriver.Space(), options))
            .Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == name);
    }
}
