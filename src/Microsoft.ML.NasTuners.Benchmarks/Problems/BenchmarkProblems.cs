namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>The benchmark problems by name. <see cref="Create"/> returns a new instance each time, so that runs on
/// several threads share no search space.</summary>
public static class BenchmarkProblems
{
    private static readonly (string Name, Func<IBenchmarkProblem> Create)[] Registered =
    [
        ("branin", () => new BraninProblem()),
        ("hartmann3", () => new Hartmann3Problem()),
        ("hartmann6", () => new Hartmann6Problem()),
        ("rosenbrock4", () => new RosenbrockProblem(4)),
        ("levy10", () => new LevyProblem(10)),
        ("styblinski_tang8", () => new StyblinskiTangProblem(8)),
        ("six_hump_camel", () => new SixHumpCamelProblem()),
        ("goldstein_price", () => new GoldsteinPriceProblem()),
        ("mixed3", () => new Mixed3Problem()),
        ("mf_hartmann6", () => new MultiFidelityHartmann6Problem()),
    ];

    /// <summary>The names of all problems, in registration order.</summary>
    public static IReadOnlyList<string> Names { get; } = Registered.Select(r => r.Name).ToArray();

    /// <summary>True when a problem is registered under <paramref name="name"/> (case-sensitive).</summary>
    public static bool Contains(string name) => Registered.Any(r => r.Name == name);

    /// <summary>A new instance of the problem named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such problem; the message lists the valid names.</exception>
    public static IBenchmarkProblem Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var (registered, create) in Registered)
        {
            if (registered == name) return create();
        }
        throw new ArgumentException($"Unknown problem '{name}'. Valid problems: {string.Join(", ", Names)}.", nameof(name));
    }
}
