using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class ArchitectureTunersOnNb201Tests
{
    public static TheoryData<string> Names => ["ssk-gp", "wl-gp", "smac-wl", "smac-path", "gp-wl", "gp-path", "tpe-wl", "tpe-path"];

    [DataTheory("nb201")]
    [MemberData(nameof(Names))]
    public void Registered_architecture_tuners_get_the_problems_encoding_and_never_evaluate_an_isomorphic_twin(string name)
    {
        var problem = new Nb201Problem(Nb201Dataset.Cifar10);
        var tuner = BenchmarkTuners.CreateRegistry().Create(name, problem.SearchSpace, 4, problem);
        var keys = new List<string>();
        for (var t = 0; t < 30; t++)
        {
            var settings = new TrialSettings { TrialId = t };
            settings.Parameter = tuner.Propose(settings);
            keys.Add(Nb201Encoding.CanonicalKey(Nb201Cell.FromParameter(settings.Parameter)));
            tuner.Update(new TrialResult { TrialSettings = settings, Loss = problem.Evaluate(settings.Parameter) });
        }
        keys.Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void On_a_problem_without_an_architecture_encoding_the_error_names_the_tuner(string name)
    {
        var problem = BenchmarkProblems.Create("branin");
        var act = () => BenchmarkTuners.CreateRegistry().Create(name, problem.SearchSpace, 1, problem);
        act.Should().Throw<ArgumentException>().WithMessage($"*'{name}'*");
    }
}
