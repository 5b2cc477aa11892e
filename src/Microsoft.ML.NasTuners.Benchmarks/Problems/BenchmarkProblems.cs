using Microsoft.ML.NasTuners.Data;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>The benchmark problems by name. <see cref="Create"/> returns a new instance each time, so that runs on
/// several threads share no search space.</summary>
public static class BenchmarkProblems
{
    // The arguments of Create are the YAHPO task, which only yahpo_lcbench reads, and the run's seed, which only the
    // noisy problems read (it seeds their noise). Data is the set a problem reads (null: none), so that a missing set is
    // known without building the problem.
    private static readonly (string Name, NasDataSet? Data, Func<string, int, IBenchmarkProblem> Create)[] Registered =
    [
        ("branin", null, (_, _) => new BraninProblem()),
        ("hartmann3", null, (_, _) => new Hartmann3Problem()),
        ("hartmann6", null, (_, _) => new Hartmann6Problem()),
        ("rosenbrock4", null, (_, _) => new RosenbrockProblem(4)),
        ("levy10", null, (_, _) => new LevyProblem(10)),
        ("styblinski_tang8", null, (_, _) => new StyblinskiTangProblem(8)),
        ("six_hump_camel", null, (_, _) => new SixHumpCamelProblem()),
        ("choice1000", null, (_, _) => new WideCategoricalProblem(1000)),
        ("choice10000", null, (_, _) => new WideCategoricalProblem(10000)),
        ("goldstein_price", null, (_, _) => new GoldsteinPriceProblem()),
        ("mixed3", null, (_, _) => new Mixed3Problem()),
        ("pipeline4", null, (_, _) => new Pipeline4Problem()),
        ("mf_hartmann6", null, (_, _) => new MultiFidelityHartmann6Problem()),
        ("counting_ones", null, (_, _) => new CountingOnesProblem()),
        ("yahpo_lcbench", NasDataSets.Yahpo, (task, _) => new YahpoLcBenchProblem(task)),
        ("nb201_cifar10", NasDataSets.Nb201, (_, _) => new Nb201Problem(Nb201Dataset.Cifar10)),
        ("nb201_cifar100", NasDataSets.Nb201, (_, _) => new Nb201Problem(Nb201Dataset.Cifar100)),
        ("nb201_imagenet16", NasDataSets.Nb201, (_, _) => new Nb201Problem(Nb201Dataset.ImageNet16)),
        .. NoisyProblems.Levels.Select(level => (level.Name, (NasDataSet?)null,
            (Func<string, int, IBenchmarkProblem>)((_, seed) => level.Create(seed)))),
    ];

    /// <summary>The names of all problems, in registration order.</summary>
    public static IReadOnlyList<string> Names { get; } = Registered.Select(r => r.Name).ToArray();

    /// <summary>The data set the problem named <paramref name="name"/> reads, or null when it reads none.</summary>
    /// <exception cref="ArgumentException">No such problem; the message lists the valid names.</exception>
    public static NasDataSet? RequiredData(string name) => Find(name).Data;

    /// <summary>Why the problem named <paramref name="name"/> cannot be built here (its data set is missing; the
    /// message says which variable to set), or null when it can.</summary>
    /// <exception cref="ArgumentException">No such problem; the message lists the valid names.</exception>
    public static string? MissingData(string name) => RequiredData(name)?.MissingReason();

    /// <summary>True when a problem is registered under <paramref name="name"/> (case-sensitive).</summary>
    public static bool Contains(string name) => Registered.Any(r => r.Name == name);

    /// <summary>A new instance of the problem named <paramref name="name"/>. Dispose it when it is
    /// <see cref="IDisposable"/> (<c>yahpo_lcbench</c> holds an ONNX session).</summary>
    /// <param name="name">The problem's name.</param>
    /// <param name="yahpoTask">The OpenML task of <c>yahpo_lcbench</c>; default 3945.</param>
    /// <param name="seed">The run's seed, which seeds the noise of the noisy problems (<see cref="NoisyProblems"/>);
    /// the other problems are deterministic and ignore it.</param>
    /// <exception cref="ArgumentException">No such problem; the message lists the valid names.</exception>
    /// <exception cref="DirectoryNotFoundException"><c>yahpo_lcbench</c>'s or the <c>nb201_*</c> problems' data was not found.</exception>
    public static IBenchmarkProblem Create(string name, string yahpoTask = YahpoLcBenchProblem.DefaultTask, int seed = 0)
    {
        return Find(name).Create(yahpoTask, seed);
    }

    private static (string Name, NasDataSet? Data, Func<string, int, IBenchmarkProblem> Create) Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var entry in Registered)
        {
            if (entry.Name == name) return entry;
        }
        throw new ArgumentException($"Unknown problem '{name}'. Valid problems: {string.Join(", ", Names)}.", nameof(name));
    }
}
