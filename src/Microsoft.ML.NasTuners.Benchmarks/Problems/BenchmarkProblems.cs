namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>The benchmark problems by name. <see cref="Create"/> returns a new instance each time, so that runs on
/// several threads share no search space.</summary>
public static class BenchmarkProblems
{
    // The argument is the YAHPO task, which only yahpo_lcbench reads.
    private static readonly (string Name, Func<string, IBenchmarkProblem> Create)[] Registered =
    [
        ("branin", _ => new BraninProblem()),
        ("hartmann3", _ => new Hartmann3Problem()),
        ("hartmann6", _ => new Hartmann6Problem()),
        ("rosenbrock4", _ => new RosenbrockProblem(4)),
        ("levy10", _ => new LevyProblem(10)),
        ("styblinski_tang8", _ => new StyblinskiTangProblem(8)),
        ("six_hump_camel", _ => new SixHumpCamelProblem()),
        ("goldstein_price", _ => new GoldsteinPriceProblem()),
        ("mixed3", _ => new Mixed3Problem()),
        ("mf_hartmann6", _ => new MultiFidelityHartmann6Problem()),
        ("counting_ones", _ => new CountingOnesProblem()),
        ("yahpo_lcbench", task => new YahpoLcBenchProblem(task)),
        ("nb201_cifar10", _ => new Nb201Problem(Nb201Dataset.Cifar10)),
        ("nb201_cifar100", _ => new Nb201Problem(Nb201Dataset.Cifar100)),
        ("nb201_imagenet16", _ => new Nb201Problem(Nb201Dataset.ImageNet16)),
    ];

    /// <summary>The names of all problems, in registration order.</summary>
    public static IReadOnlyList<string> Names { get; } = Registered.Select(r => r.Name).ToArray();

    /// <summary>True when a problem is registered under <paramref name="name"/> (case-sensitive).</summary>
    public static bool Contains(string name) => Registered.Any(r => r.Name == name);

    /// <summary>A new instance of the problem named <paramref name="name"/>. Dispose it when it is
    /// <see cref="IDisposable"/> (<c>yahpo_lcbench</c> holds an ONNX session).</summary>
    /// <param name="name">The problem's name.</param>
    /// <param name="yahpoTask">The OpenML task of <c>yahpo_lcbench</c>; default 3945.</param>
    /// <exception cref="ArgumentException">No such problem; the message lists the valid names.</exception>
    /// <exception cref="DirectoryNotFoundException"><c>yahpo_lcbench</c>'s or the <c>nb201_*</c> problems' data was not found.</exception>
    public static IBenchmarkProblem Create(string name, string yahpoTask = YahpoLcBenchProblem.DefaultTask)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var (registered, create) in Registered)
        {
            if (registered == name) return create(yahpoTask);
        }
        throw new ArgumentException($"Unknown problem '{name}'. Valid problems: {string.Join(", ", Names)}.", nameof(name));
    }
}
