using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class EvolutionOnNb201Tests
{
    [DataFact("nb201")]
    public void Registered_evolution_gets_the_problems_encoding_and_never_evaluates_an_isomorphic_twin()
    {
        var problem = new Nb201Problem(Nb201Dataset.Cifar10);
        var tuner = BenchmarkTuners.CreateRegistry().Create("evolution", problem.SearchSpace, 4, problem);
        var keys = new List<string>();
        for (var t = 0; t < 500; t++)
        {
            var settings = new TrialSettings { TrialId = t };
            settings.Parameter = tuner.Propose(settings);
            keys.Add(Nb201Encoding.CanonicalKey(Nb201Cell.FromParameter(settings.Parameter)));
            tuner.Update(new TrialResult { TrialSettings = settings, Loss = problem.Evaluate(settings.Parameter) });
        }
        keys.Should().OnlyHaveUniqueItems();
    }
}
