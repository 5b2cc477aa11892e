namespace Snippets;

/// <summary>The C# samples of docs/architecture-search.md.</summary>
public static class ArchitectureSearch
{
    [Snippet("docs/architecture-search.md", "regularised-evolution")]
    public static void RegularisedEvolution()
    {
        #region snippet:regularised-evolution
        var problem = new Nb201Problem(Nb201Dataset.Cifar10);
        var tuner = new RegularizedEvolutionTuner(problem.SearchSpace, new EvolutionOptions { PopulationSize = 10 }, seed: 1, problem.Architecture);
        #endregion
    }

    [Snippet("docs/architecture-search.md", "architecture-kernels")]
    public static void ArchitectureKernels()
    {
        #region snippet:architecture-kernels
        // A TorchSharp CNN space, read through its encoding (architecture-string tokens, operations graph, JSON key).
        var space = CnnSearchSpace.Create(new CnnSearchSpaceOptions { MaxStages = 3 });
        var tuner = new GraphKernelGpTuner(space, CnnSearchSpace.Encoding, seed: 42);

        // NAS-Bench-201: the problem carries its encoding.
        var problem = new Nb201Problem(Nb201Dataset.Cifar10);
        var ssk = new StringKernelGpTuner(problem.SearchSpace, problem.Architecture, seed: 1);
        #endregion
    }
}
