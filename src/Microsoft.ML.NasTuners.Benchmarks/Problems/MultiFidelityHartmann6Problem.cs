namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// A multi-fidelity Hartmann-6 on [0,1]^6 with the budget b a whole number of epochs in [1, 81]. With
/// z = ln b / ln 81 and s(x) = Σ_j j·x_j,
/// f(x, b) = -Σ_i (α_i - 0.1(1 - z)) exp(-Σ_j A_ij (x_j - P_ij)²) + 0.2(1 - z) sin(2π(7 s(x) + 0.618 b)).
/// Low budgets flatten the landscape and add a deterministic, budget-dependent wobble that shrinks as b grows; at
/// b = 81 the function is exactly <see cref="Hartmann6Problem"/>.
/// </summary>
public sealed class MultiFidelityHartmann6Problem : ContinuousBenchmarkProblem
{
    /// <summary>The smallest budget (epochs).</summary>
    public const int MinEpochs = 1;

    /// <summary>The full budget (epochs): 3^4, so that successive halving with η = 3 has five rungs.</summary>
    public const int MaxEpochs = 81;

    /// <summary>Creates the problem.</summary>
    public MultiFidelityHartmann6Problem()
        : base("mf_hartmann6", "Multi-fidelity Hartmann 6-d, budget = epochs 1..81 (81 = hartmann6); f* = -3.32236801141551",
            Repeat(0, 6), Repeat(1, 6),
            // At b = 81 the shift and the wobble are exactly 0, so f* is Hartmann-6's.
            Hartmann6Problem.OptimalValueWithRounding,
            [0.20168951100670543, 0.15001069182345798, 0.47687397422189697, 0.27533243049405607, 0.31165161660011327, 0.65730053406562034])
    {
    }

    /// <inheritdoc />
    public override double? MinBudget => MinEpochs;

    /// <inheritdoc />
    public override double? MaxBudget => MaxEpochs;

    /// <summary>Null means the full budget; otherwise a whole number in [1, 81].</summary>
    protected override double? ResolveBudget(double? budget)
    {
        if (budget is not { } b) return MaxEpochs;
        if (!(b >= MinEpochs && b <= MaxEpochs) || b != Math.Floor(b))
            throw new ArgumentOutOfRangeException(nameof(budget), budget,
                $"Problem '{Name}' takes a budget of whole epochs in [{MinEpochs}, {MaxEpochs}].");
        return b;
    }

    /// <inheritdoc />
    protected override double Compute(ReadOnlySpan<double> x, double? budget)
    {
        var b = budget!.Value;
        var lack = 1 - Math.Log(b) / Math.Log(MaxEpochs);
        var s = 0.0;
        for (var j = 0; j < 6; j++)
            s += (j + 1) * x[j];
        return Hartmann6Problem.Value(x, 0.1 * lack) + 0.2 * lack * Math.Sin(2 * Math.PI * (7 * s + 0.618 * b));
    }
}
