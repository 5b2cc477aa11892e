using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

/// <summary>Random search that records how it was called: pending trials at each call, the order of updates and
/// what each update said.</summary>
internal sealed class CountingTuner(SearchSpace space, int seed) : ITuner
{
    private readonly RandomSearchTuner _inner = new(space, seed);

    public int Proposed { get; private set; }
    public List<int> PendingAtUpdate { get; } = [];
    public int ProposedBeforeFirstUpdate { get; private set; } = -1;
    public List<TrialResult> Results { get; } = [];
    public Func<TrialSettings, double?>? Budget { get; init; }

    public Parameter Propose(TrialSettings settings)
    {
        Proposed++;
        settings.Budget = Budget?.Invoke(settings);
        return _inner.Propose(settings);
    }

    public void Update(TrialResult result)
    {
        if (ProposedBeforeFirstUpdate < 0) ProposedBeforeFirstUpdate = Proposed;
        PendingAtUpdate.Add(Proposed - Results.Count);
        Results.Add(result);
    }
}

/// <summary>Branin whose objective throws on the trials it is told to.</summary>
internal sealed class FlakyProblem(Func<int, bool> fails) : IBenchmarkProblem
{
    private readonly BraninProblem _inner = new();
    private int _calls;

    public string Name => "flaky";
    public string Description => "branin that sometimes throws";
    public SearchSpace SearchSpace => _inner.SearchSpace;
    public double OptimalValue => _inner.OptimalValue;
    public double? MinBudget => null;
    public double? MaxBudget => null;

    public double Evaluate(Parameter parameter, double? budget = null) =>
        fails(_calls++) ? throw new InvalidOperationException("simulated crash") : _inner.Evaluate(parameter, budget);
}

internal sealed class ThrowingTuner : ITuner
{
    public Parameter Propose(TrialSettings settings) => throw new NotSupportedException("no ideas");
    public void Update(TrialResult result) { }
}
