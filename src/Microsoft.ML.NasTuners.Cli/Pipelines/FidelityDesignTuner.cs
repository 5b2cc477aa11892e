using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Cli.Pipelines;

/// <summary>Proposes a fixed design for <see cref="FidelityCheck"/>: configuration k (the k-th proposal of a seeded
/// random search) at each budget in turn, so that every configuration is measured at every fidelity.</summary>
internal sealed class FidelityDesignTuner(SearchSpace space, int seed, IReadOnlyList<double> budgets) : ITuner
{
    private readonly RandomSearchTuner _random = new(space, seed);
    private readonly List<Parameter> _configurations = [];

    public Parameter Propose(TrialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configuration = settings.TrialId / budgets.Count;
        while (_configurations.Count <= configuration)
            _configurations.Add(_random.Propose(new TrialSettings { TrialId = _configurations.Count }));
        settings.Budget = budgets[settings.TrialId % budgets.Count];
        return _configurations[configuration];
    }

    // A fixed design learns nothing.
    public void Update(TrialResult result)
    {
    }
}
