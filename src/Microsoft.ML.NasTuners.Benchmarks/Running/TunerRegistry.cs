namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Tuners by name. <see cref="BenchmarkTuners.CreateRegistry"/> holds the standard set; tests and callers
/// may build their own.</summary>
public sealed class TunerRegistry
{
    private readonly List<TunerRegistration> _entries = [];

    /// <summary>The registered tuners, in registration order.</summary>
    public IReadOnlyList<TunerRegistration> Entries => _entries;

    /// <summary>The registered names, in registration order.</summary>
    public IReadOnlyList<string> Names => _entries.Select(e => e.Name).ToArray();

    /// <summary>Registers a tuner and returns this registry, so registrations chain.</summary>
    /// <param name="name">The name used on the command line and in results.</param>
    /// <param name="description">A one-line description.</param>
    /// <param name="factory">Creates the tuner for one run.</param>
    /// <param name="appliesTo">The problems the tuner can search (the benchmark skips the others); null means all.</param>
    /// <param name="requirement">What <paramref name="appliesTo"/> asks of a problem, in words; needed with it.</param>
    /// <exception cref="ArgumentException">The name is empty or already registered, or a restriction has no words.</exception>
    public TunerRegistry Add(string name, string description, TunerFactory factory,
        Func<IBenchmarkProblem, bool>? appliesTo = null, string? requirement = null)
    {
        if (appliesTo is not null && string.IsNullOrWhiteSpace(requirement))
            throw new ArgumentException($"Tuner '{name}' is restricted to some problems, so it needs a requirement to name in messages.", nameof(requirement));
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (name.Contains(',') || name.Any(char.IsWhiteSpace))
            throw new ArgumentException($"Tuner name '{name}' may hold neither commas nor spaces (the command line splits lists on commas).", nameof(name));
        if (Contains(name))
            throw new ArgumentException($"A tuner named '{name}' is already registered.", nameof(name));
        _entries.Add(new TunerRegistration(name, description ?? "", factory, appliesTo, requirement));
        return this;
    }

    /// <summary>True when a tuner is registered under <paramref name="name"/> (case-sensitive).</summary>
    public bool Contains(string name) => _entries.Any(e => e.Name == name);

    /// <summary>The registration named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such tuner; the message lists the valid names.</exception>
    public TunerRegistration Get(string name) => _entries.FirstOrDefault(e => e.Name == name)
        ?? throw new ArgumentException($"Unknown tuner '{name}'. Valid tuners: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>A new tuner named <paramref name="name"/> for one run.</summary>
    /// <param name="name">The registered name.</param>
    /// <param name="searchSpace">The problem's search space.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="problem">The problem.</param>
    /// <param name="run">The run's trial limit and workers; null is <see cref="RunShape.Unknown"/>.</param>
    /// <exception cref="ArgumentException">No such tuner; the message lists the valid names.</exception>
    public ITuner Create(string name, SearchSpace searchSpace, int seed, IBenchmarkProblem problem, RunShape? run = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Get(name).Factory(searchSpace, seed, problem, run ?? RunShape.Unknown)
               ?? throw new InvalidOperationException($"The factory of tuner '{name}' returned null.");
    }
}
