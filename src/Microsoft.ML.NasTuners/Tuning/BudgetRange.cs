using System.Globalization;

namespace Microsoft.ML.NasTuners;

/// <summary>The budgets a multi-fidelity run may give a trial (epochs, samples, ...): from <see cref="Min"/>, the
/// cheapest useful evaluation, to <see cref="Max"/>, the full budget at which results count.</summary>
public sealed record BudgetRange
{
    /// <summary>Creates the range.</summary>
    /// <param name="min">The smallest budget, greater than 0.</param>
    /// <param name="max">The full budget, at least <paramref name="min"/> and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is out of range.</exception>
    public BudgetRange(double min, double max)
    {
        if (!(min > 0 && double.IsFinite(min)))
            throw new ArgumentOutOfRangeException(nameof(min), min, "The minimum budget must be a finite number greater than 0.");
        if (!(max >= min && double.IsFinite(max)))
            throw new ArgumentOutOfRangeException(nameof(max), max,
                string.Create(CultureInfo.InvariantCulture, $"The maximum budget must be a finite number of at least the minimum budget ({min})."));
        Min = min;
        Max = max;
    }

    /// <summary>The smallest budget.</summary>
    public double Min { get; }

    /// <summary>The full budget.</summary>
    public double Max { get; }

    /// <summary>True when <paramref name="budget"/> lies in [<see cref="Min"/>, <see cref="Max"/>].</summary>
    public bool Contains(double budget) => budget >= Min && budget <= Max;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Min}, {Max}]");
}
