using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class TunerRegistryTests
{
    [Fact]
    public void Standard_registry_has_random_search()
    {
        var registry = BenchmarkTuners.CreateRegistry();
        registry.Names.Should().Contain("random");
        var problem = new BraninProblem();
        registry.Create("random", problem.SearchSpace, 3, problem).Should().BeOfType<RandomSearchTuner>();
    }

    [Fact]
    public void Standard_registry_is_new_each_time_so_tests_cannot_pollute_it()
    {
        BenchmarkTuners.CreateRegistry().Add("extra", "", (s, seed, _, _) => new RandomSearchTuner(s, seed));
        BenchmarkTuners.CreateRegistry().Contains("extra").Should().BeFalse();
    }

    [Fact]
    public void Unknown_names_list_the_valid_ones_and_duplicates_are_refused()
    {
        var registry = new TunerRegistry()
            .Add("a", "first", (s, seed, _, _) => new RandomSearchTuner(s, seed))
            .Add("b", "second", (s, seed, _, _) => new RandomSearchTuner(s, seed));
        registry.Names.Should().Equal("a", "b");
        var problem = new BraninProblem();
        registry.Invoking(r => r.Create("c", problem.SearchSpace, 1, problem)).Should().Throw<ArgumentException>().WithMessage("*'c'*a, b*");
        registry.Invoking(r => r.Add("a", "again", (s, seed, _, _) => new RandomSearchTuner(s, seed))).Should().Throw<ArgumentException>();
        registry.Invoking(r => r.Add("x,y", "comma", (s, seed, _, _) => new RandomSearchTuner(s, seed))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Factories_receive_space_seed_and_problem()
    {
        (SearchSpace Space, int Seed, IBenchmarkProblem Problem)? seen = null;
        var registry = new TunerRegistry().Add("spy", "", (s, seed, p, _) =>
        {
            seen = (s, seed, p);
            return new RandomSearchTuner(s, seed);
        });
        var problem = new MultiFidelityHartmann6Problem();
        registry.Create("spy", problem.SearchSpace, 42, problem);
        seen!.Value.Space.Should().BeSameAs(problem.SearchSpace);
        seen.Value.Seed.Should().Be(42);
        seen.Value.Problem.Should().BeSameAs(problem);
    }
    [Fact]
    public void A_restriction_to_some_problems_must_say_what_it_needs()
    {
        var registry = new TunerRegistry();
        registry.Invoking(r => r.Add("picky", "", (s, seed, _, _) => new RandomSearchTuner(s, seed), _ => true))
            .Should().Throw<ArgumentException>().WithParameterName("requirement");
    }

    [Fact]
    public void Architecture_tuners_apply_only_to_problems_with_an_architecture_encoding()
    {
        var registry = BenchmarkTuners.CreateRegistry();
        foreach (var name in new[] { "ssk-gp", "wl-gp", "smac-wl", "smac-path", "gp-wl", "gp-path", "tpe-wl", "tpe-path" })
            registry.Get(name).CanRun(new BraninProblem()).Should().BeFalse(name);
        registry.Get("random").CanRun(new BraninProblem()).Should().BeTrue();
    }
}
