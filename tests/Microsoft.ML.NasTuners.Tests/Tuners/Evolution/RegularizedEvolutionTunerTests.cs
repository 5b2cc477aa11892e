using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Tuners.Evolution;

public class RegularizedEvolutionTunerTests
{
    private static readonly string[] Letters = ["a", "b", "c", "d", "e"];

    /// <summary>Five categoricals of five letters and an integer: 5^5 * 10 points.</summary>
    private static SearchSpace LetterSpace()
    {
        var space = new SearchSpace { ["n"] = new UniformIntOption(1, 10) };
        for (var i = 0; i < 5; i++) space[$"c{i}"] = new ChoiceOption(Letters.Cast<object>().ToArray());
        return space;
    }

    // The number of letters that differ from "a" plus how far n is from 3: minimum 0 at all-"a", n = 3.
    private static double LetterLoss(Parameter p) =>
        Enumerable.Range(0, 5).Count(i => p[$"c{i}"].AsString() != "a") + Math.Abs(p["n"].AsDouble() - 3);

    private static List<Parameter> Run(ITuner tuner, int trials, Func<Parameter, double> loss)
    {
        var proposals = new List<Parameter>();
        for (var t = 0; t < trials; t++)
        {
            var settings = new TrialSettings { TrialId = t };
            settings.Parameter = tuner.Propose(settings);
            proposals.Add(settings.Parameter);
            tuner.Update(new TrialResult { TrialSettings = settings, Loss = loss(settings.Parameter) });
        }
        return proposals;
    }

    private static int DifferingDimensions(SearchSpace space, Parameter a, Parameter b)
    {
        var x = space.ModelView.Encode(a);
        var y = space.ModelView.Encode(b);
        return x.Zip(y).Count(p => !p.First.Equals(p.Second));
    }

    [Fact]
    public void Never_proposes_the_same_parameter_twice_over_a_long_run()
    {
        var proposals = Run(new RegularizedEvolutionTuner(LetterSpace(), seed: 3), 600, LetterLoss);
        proposals.Select(p => p.ToString()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void With_an_encoding_never_proposes_an_isomorphic_twin_until_every_class_is_used()
    {
        // 4 slots of 4 operations: 256 points but only C(7, 4) = 35 multisets.
        var encoding = new PermutationEncoding(4);
        var tuner = new RegularizedEvolutionTuner(encoding.CreateSpace(), new EvolutionOptions { PopulationSize = 5, SampleSize = 2 }, seed: 1, architecture: encoding);
        var proposals = Run(tuner, 35, p => encoding.ToTokens(p).Count(t => t == "conv") + 0.1 * encoding.ToTokens(p).Count(t => t == "pool"));
        proposals.Select(encoding.CanonicalKey).Should().OnlyHaveUniqueItems();

        // The space of classes is exhausted now: the tuner still answers (a repeat), instead of looping for ever.
        var next = tuner.Propose(new TrialSettings { TrialId = 35 });
        proposals.Select(encoding.CanonicalKey).Should().Contain(encoding.CanonicalKey(next));
    }

    [Fact]
    public void Without_an_encoding_isomorphic_twins_are_allowed()
    {
        var encoding = new PermutationEncoding(4);
        var proposals = Run(new RegularizedEvolutionTuner(encoding.CreateSpace(), seed: 1), 60, _ => 1);
        proposals.Select(p => p.ToString()).Should().OnlyHaveUniqueItems();
        proposals.Select(encoding.CanonicalKey).Distinct().Count().Should().BeLessThan(60, "60 distinct points cannot fit in 35 classes");
    }

    [Fact]
    public void Aging_removes_the_oldest_member_even_when_it_is_the_best()
    {
        var tuner = new RegularizedEvolutionTuner(LetterSpace(), new EvolutionOptions { PopulationSize = 4, SampleSize = 2 }, seed: 5);
        var ids = new List<int>();
        for (var t = 0; t < 12; t++)
        {
            var settings = new TrialSettings { TrialId = t };
            settings.Parameter = tuner.Propose(settings);
            // Trial 0 is by far the best, so only aging can remove it.
            tuner.Update(new TrialResult { TrialSettings = settings, Loss = t == 0 ? -100 : t });
            ids.Add(t);
            tuner.Population.Select(m => m.TrialId).Should().Equal(ids.TakeLast(4), "the population holds the 4 newest results, oldest first");
        }
        tuner.Population.Should().NotContain(m => m.TrialId == 0);
    }

    [Fact]
    public void Tournament_of_the_whole_population_always_mutates_its_best_member_in_one_dimension()
    {
        var space = LetterSpace();
        var tuner = new RegularizedEvolutionTuner(space, new EvolutionOptions { PopulationSize = 8, SampleSize = 8 }, seed: 11);
        var random = new Random(2);
        var losses = new Dictionary<int, double>();
        for (var t = 0; t < 60; t++)
        {
            var settings = new TrialSettings { TrialId = t };
            var evolving = tuner.Population.Count == 8;
            var best = evolving ? tuner.Population.MinBy(m => m.Loss)! : null;
            settings.Parameter = tuner.Propose(settings);
            if (best is not null)
                DifferingDimensions(space, settings.Parameter, space.ModelView.Decode(best.Point.ToArray())).Should().Be(1);
            tuner.Update(new TrialResult { TrialSettings = settings, Loss = random.NextDouble() });
        }
    }

    [Fact]
    public void Tournament_parent_is_the_best_of_its_sample_so_a_sample_of_one_picks_all_members()
    {
        // With a sample of 1 the parent is uniform over the population; with a sample of all it is always the best.
        static int DistinctParents(int sampleSize, int children)
        {
            var space = LetterSpace();
            var tuner = new RegularizedEvolutionTuner(space, new EvolutionOptions { PopulationSize = 6, SampleSize = sampleSize }, seed: 4);
            var parents = new HashSet<int>();
            for (var t = 0; t < 6; t++)
            {
                var s = new TrialSettings { TrialId = t };
                s.Parameter = tuner.Propose(s);
                tuner.Update(new TrialResult { TrialSettings = s, Loss = t });
            }
            // Children stay pending, so the population (trials 0..5, best is trial 0) does not change.
            for (var t = 6; t < 6 + children; t++)
            {
                var child = tuner.Propose(new TrialSettings { TrialId = t });
                var neighbours = tuner.Population.Where(m => DifferingDimensions(space, child, space.ModelView.Decode(m.Point.ToArray())) == 1).ToList();
                if (neighbours.Count == 1) parents.Add(neighbours[0].TrialId);
            }
            return parents.Count;
        }
        // 20 children fit in the best member's neighbourhood (29 points), so none falls back to a random point.
        DistinctParents(6, children: 20).Should().Be(1);
        DistinctParents(1, children: 60).Should().Be(6);
    }

    [Fact]
    public void Same_seed_gives_the_same_proposals_and_another_seed_others()
    {
        Run(new RegularizedEvolutionTuner(LetterSpace(), seed: 9), 80, LetterLoss).Select(p => p.ToString())
            .Should().Equal(Run(new RegularizedEvolutionTuner(LetterSpace(), seed: 9), 80, LetterLoss).Select(p => p.ToString()));
        Run(new RegularizedEvolutionTuner(LetterSpace(), seed: 10), 80, LetterLoss).Select(p => p.ToString())
            .Should().NotEqual(Run(new RegularizedEvolutionTuner(LetterSpace(), seed: 9), 80, LetterLoss).Select(p => p.ToString()));
    }

    [Fact]
    public void Finds_the_optimum_of_a_separable_problem_much_faster_than_random_search()
    {
        // 31,250 points; random search needs about that many trials to hit the single optimum.
        var found = Enumerable.Range(0, 10).Count(seed =>
            Run(new RegularizedEvolutionTuner(LetterSpace(), seed: seed), 300, LetterLoss).Any(p => LetterLoss(p) == 0));
        found.Should().BeGreaterThanOrEqualTo(8);
    }

    [Fact]
    public void Failed_and_non_finite_trials_never_join_the_population_and_are_never_proposed_again()
    {
        var space = LetterSpace();
        var tuner = new RegularizedEvolutionTuner(space, new EvolutionOptions { PopulationSize = 5, SampleSize = 3 }, seed: 2);
        var proposals = new List<string>();
        var bad = new HashSet<int>();
        for (var t = 0; t < 300; t++)
        {
            var settings = new TrialSettings { TrialId = t };
            settings.Parameter = tuner.Propose(settings);
            proposals.Add(settings.Parameter.ToString());
            var result = (t % 4) switch
            {
                0 => new TrialResult { TrialSettings = settings, Status = TrialStatus.Failed, Error = "boom" },
                1 => new TrialResult { TrialSettings = settings, Loss = double.NaN },
                2 => new TrialResult { TrialSettings = settings, Loss = double.PositiveInfinity },
                _ => new TrialResult { TrialSettings = settings, Loss = LetterLoss(settings.Parameter) },
            };
            if (t % 4 != 3) bad.Add(t);
            tuner.Update(result);
            tuner.Population.Should().NotContain(m => bad.Contains(m.TrialId));
        }
        proposals.Should().OnlyHaveUniqueItems();
        tuner.Population.Should().HaveCount(5);
    }

    [Fact]
    public void Pending_proposals_are_distinct_and_stay_random_until_the_population_can_fill()
    {
        var space = LetterSpace();
        var tuner = new RegularizedEvolutionTuner(space, new EvolutionOptions { PopulationSize = 10 }, seed: 8);
        var random = new RandomSearchTuner(space, 8);
        // Ten pending proposals before any result: the initial population, drawn as random search draws them.
        var pending = Enumerable.Range(0, 10).Select(t => new TrialSettings { TrialId = t }).ToList();
        foreach (var s in pending) s.Parameter = tuner.Propose(s);
        pending.Select(s => s.Parameter.ToString()).Should().OnlyHaveUniqueItems();
        pending.Select(s => s.Parameter.ToString()).Should().Equal(Enumerable.Range(0, 10).Select(t => random.Propose(new TrialSettings { TrialId = t }).ToString()));
        tuner.Population.Should().BeEmpty();

        // Results arrive out of order; the population takes them in order of arrival.
        foreach (var s in Enumerable.Reverse(pending))
            tuner.Update(new TrialResult { TrialSettings = s, Loss = LetterLoss(s.Parameter) });
        tuner.Population.Select(m => m.TrialId).Should().Equal(Enumerable.Range(0, 10).Reverse());
        var child = tuner.Propose(new TrialSettings { TrialId = 10 });
        tuner.Population.Should().Contain(m => DifferingDimensions(space, child, space.ModelView.Decode(m.Point.ToArray())) == 1);
    }

    [Fact]
    public void Only_results_at_the_largest_budget_seen_form_the_population()
    {
        var tuner = new RegularizedEvolutionTuner(LetterSpace(), new EvolutionOptions { PopulationSize = 4 }, seed: 1);
        void Report(int id, double? budget)
        {
            var s = new TrialSettings { TrialId = id, Budget = budget };
            s.Parameter = tuner.Propose(s);
            tuner.Update(new TrialResult { TrialSettings = s, Loss = id });
        }
        Report(0, 10);
        Report(1, 10);
        tuner.Population.Select(m => m.TrialId).Should().Equal(0, 1);
        Report(2, 50);
        tuner.Population.Select(m => m.TrialId).Should().Equal([2], "members scored at a smaller budget leave");
        Report(3, 10);
        tuner.Population.Select(m => m.TrialId).Should().Equal([2], "a smaller budget no longer counts");
        Report(4, null);
        tuner.Population.Select(m => m.TrialId).Should().Equal([4], "null is the full budget");
    }

    [Fact]
    public void Mutates_numbers_and_conditional_branches_of_a_mixed_space()
    {
        var space = new SearchSpace
        {
            ["lr"] = new UniformDoubleOption(1e-4, 1e-1, logBase: true),
            ["model"] = new ConditionalChoiceOption(
                ("tree", new SearchSpace { ["leaves"] = new UniformIntOption(4, 1024, logBase: true) }),
                ("linear", new SearchSpace { ["l2"] = new UniformDoubleOption(1e-6, 1, logBase: true) })),
        };
        var proposals = Run(new RegularizedEvolutionTuner(space, seed: 6), 200, p => Math.Abs(Math.Log10(p["lr"].AsDouble()) + 2));
        foreach (var p in proposals)
            space.Invoking(s => s.MappingToFeatureSpace(p)).Should().NotThrow();
        proposals.Select(p => p["model"].AsString()).Distinct().Should().HaveCount(2);
        proposals.Skip(100).Select(p => Math.Abs(Math.Log10(p["lr"].AsDouble()) + 2)).Min().Should().BeLessThan(0.01);
    }

    [Theory]
    [InlineData(nameof(EvolutionOptions.PopulationSize), "at least 1")]
    [InlineData(nameof(EvolutionOptions.SampleSize), "at least 1")]
    [InlineData(nameof(EvolutionOptions.NumericStepSd), "(0, 1]")]
    [InlineData(nameof(EvolutionOptions.MaxMutationAttempts), "at least 1")]
    public void Invalid_options_are_rejected_naming_the_option_and_its_range(string option, string range)
    {
        var options = option switch
        {
            nameof(EvolutionOptions.PopulationSize) => new EvolutionOptions { PopulationSize = 0 },
            nameof(EvolutionOptions.SampleSize) => new EvolutionOptions { SampleSize = 0 },
            nameof(EvolutionOptions.NumericStepSd) => new EvolutionOptions { NumericStepSd = 1.5 },
            _ => new EvolutionOptions { MaxMutationAttempts = 0 },
        };
        FluentActions.Invoking(() => new RegularizedEvolutionTuner(LetterSpace(), options))
            .Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == option).WithMessage($"*{option}*{range}*");
        FluentActions.Invoking(() => new EvolutionOptions { NumericStepSd = 0 }.Validate()).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Defaults_are_a_population_of_10_and_a_sample_of_10()
    {
        var options = new RegularizedEvolutionTuner(LetterSpace()).Options;
        options.PopulationSize.Should().Be(10);
        options.SampleSize.Should().Be(10);
        options.NumericStepSd.Should().Be(0.2);
        options.MaxMutationAttempts.Should().Be(50);
    }
}
