using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Tuners;

/// <summary>
/// The contract every tuner that ignores results (random, Sobol) keeps: seeded reproducibility, valid proposals over a
/// mixed conditional space, many pending proposals, and indifference to failed or non-finite results.
/// </summary>
public abstract class ResultFreeTunerContract
{
    private static readonly string[] Activations = ["relu", "tanh", "gelu"];

    /// <summary>A small mixed space: an integer, a log-scaled double, a choice, and a conditional choice whose branches
    /// open a log-scaled integer and a log-scaled double.</summary>
    protected static SearchSpace MixedSpace() => new()
    {
        ["layers"] = new UniformIntOption(1, 8),
        ["lr"] = new UniformDoubleOption(1e-5, 1e-1, logBase: true),
        ["activation"] = new ChoiceOption(Activations.Cast<object>().ToArray()),
        ["model"] = new ConditionalChoiceOption(
            ("tree", new SearchSpace { ["n_trees"] = new UniformIntOption(10, 500, logBase: true) }),
            ("linear", new SearchSpace { ["l2"] = new UniformDoubleOption(1e-6, 1.0, logBase: true) })),
    };

    protected abstract ITuner Create(SearchSpace space, int seed);

    protected abstract ITuner CreateWithDefaultSeed(SearchSpace space);

    protected static List<Parameter> Propose(ITuner tuner, int count) =>
        Enumerable.Range(0, count).Select(i => tuner.Propose(new TrialSettings { TrialId = i })).ToList();

    [Fact]
    public void The_same_seed_gives_the_same_proposals()
    {
        Propose(Create(MixedSpace(), 17), 64).Should()
            .Equal(Propose(Create(MixedSpace(), 17), 64));
    }

    [Fact]
    public void The_default_seed_is_0()
    {
        Propose(CreateWithDefaultSeed(MixedSpace()), 16).Should().Equal(Propose(Create(MixedSpace(), 0), 16));
    }

    [Fact]
    public void Different_seeds_give_different_proposals()
    {
        var one = Propose(Create(MixedSpace(), 1), 16);
        var two = Propose(Create(MixedSpace(), 2), 16);
        one.Zip(two).Count(pair => pair.First.Equals(pair.Second)).Should().BeLessThan(16);
        one.Select(p => p["lr"].AsDouble()).Should().NotIntersectWith(two.Select(p => p["lr"].AsDouble()));
    }

    [Fact]
    public void Proposals_are_valid_parameters_of_the_space()
    {
        var space = MixedSpace();
        foreach (var p in Propose(Create(space, 3), 200))
        {
            space.Invoking(s => s.MappingToFeatureSpace(p)).Should().NotThrow($"{p} is a parameter of the space");
            p["layers"].Type.Should().Be(ParameterType.Integer);
            p["layers"].AsDouble().Should().BeInRange(1, 8);
            p["lr"].AsDouble().Should().BeInRange(1e-5, 1e-1);
            Activations.Should().Contain(p["activation"].AsString());
            if (p["model"].AsString() == "tree")
            {
                p["n_trees"].AsDouble().Should().BeInRange(10, 500);
                p.ContainsKey("l2").Should().BeFalse("an inactive branch has no parameters");
            }
            else
            {
                p["model"].AsString().Should().Be("linear");
                p["l2"].AsDouble().Should().BeInRange(1e-6, 1.0);
                p.ContainsKey("n_trees").Should().BeFalse("an inactive branch has no parameters");
            }
        }
    }

    [Fact]
    public void Two_hundred_proposals_hit_every_choice_and_every_branch()
    {
        var proposals = Propose(Create(MixedSpace(), 4), 200);
        proposals.Select(p => p["activation"].AsString()).Distinct().Should().BeEquivalentTo(Activations);
        proposals.Select(p => p["model"].AsString()).Distinct().Should().BeEquivalentTo("tree", "linear");
        proposals.Select(p => p["layers"].AsDouble()).Distinct().Should().HaveCount(8, "every integer of [1, 8] is reachable");
    }

    [Fact]
    public void Update_ignores_failed_nan_and_infinite_results()
    {
        var tuner = Create(MixedSpace(), 6);
        var reference = Propose(Create(MixedSpace(), 6), 8);
        var first = Propose(tuner, 1);
        var results = new[]
        {
            new TrialResult { TrialSettings = new TrialSettings { TrialId = 0 }, Status = TrialStatus.Failed, Error = "boom" },
            new TrialResult { TrialSettings = new TrialSettings { TrialId = 1 }, Loss = double.NaN },
            new TrialResult { TrialSettings = new TrialSettings { TrialId = 2 }, Loss = double.PositiveInfinity },
            new TrialResult { TrialSettings = new TrialSettings { TrialId = 3 }, Loss = double.NegativeInfinity },
            new TrialResult { TrialSettings = new TrialSettings { TrialId = 4, Budget = 1 }, Status = TrialStatus.Pruned, Loss = 0.3 },
            new TrialResult { TrialSettings = new TrialSettings { TrialId = 5 }, Status = TrialStatus.TimedOut },
            new TrialResult { TrialSettings = new TrialSettings { TrialId = 6 }, Status = TrialStatus.Cancelled },
            new TrialResult { TrialSettings = new TrialSettings { TrialId = 99 }, Loss = 0.1 },
        };
        foreach (var result in results)
            tuner.Invoking(t => t.Update(result)).Should().NotThrow();
        first.Concat(Propose(tuner, 7)).Should().Equal(reference, "results do not change the sequence");
    }

    [Fact]
    public void Propose_can_be_called_many_times_before_any_update()
    {
        var space = MixedSpace();
        var tuner = Create(space, 8);
        var pending = Enumerable.Range(0, 100).Select(i => new TrialSettings { TrialId = i }).ToList();
        foreach (var settings in pending)
            settings.Parameter = tuner.Propose(settings);
        pending.Select(s => s.Parameter["lr"].AsDouble()).Distinct().Should().HaveCount(100);
        foreach (var settings in Enumerable.Reverse(pending))
            tuner.Update(new TrialResult { TrialSettings = settings, Loss = settings.TrialId });
        space.Invoking(s => s.MappingToFeatureSpace(tuner.Propose(new TrialSettings { TrialId = 100 }))).Should().NotThrow();
    }

    [Fact]
    public void An_empty_space_gives_empty_parameters()
    {
        CreateWithDefaultSeed(new SearchSpace()).Propose(new TrialSettings()).Should().BeEmpty();
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        var create = () => CreateWithDefaultSeed(null!);
        create.Should().Throw<ArgumentNullException>();
        CreateWithDefaultSeed(MixedSpace()).Invoking(t => t.Update(null!)).Should().Throw<ArgumentNullException>();
    }
}
