namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// One hyper-parameter of a model part (kernel, input transform, likelihood): its natural value, bounds and prior.
/// Samplers and optimisers move it through <see cref="Theta"/>, the natural log of the value when
/// <see cref="LogScale"/> is set (so positive scales are searched multiplicatively), the value itself otherwise.
/// </summary>
public sealed class Hyperparameter
{
    private double _value;

    /// <summary>Creates a hyper-parameter.</summary>
    /// <param name="name">A readable name (for example <c>lengthscale[2]</c>).</param>
    /// <param name="value">The initial natural value; clamped to the bounds.</param>
    /// <param name="lower">The smallest natural value; positive when <paramref name="logScale"/>.</param>
    /// <param name="upper">The largest natural value.</param>
    /// <param name="prior">The prior over the natural value.</param>
    /// <param name="logScale">Search in log space (default true; needs positive bounds).</param>
    public Hyperparameter(string name, double value, double lower, double upper, IPrior prior, bool logScale = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(prior);
        if (!(lower < upper) || !double.IsFinite(lower) || !double.IsFinite(upper))
            throw new ArgumentException($"Hyper-parameter '{name}' needs finite bounds with lower < upper, got [{lower}, {upper}].", nameof(lower));
        if (logScale && !(lower > 0))
            throw new ArgumentException($"Log-scaled hyper-parameter '{name}' needs lower > 0, got {lower}.", nameof(lower));
        Name = name;
        Lower = lower;
        Upper = upper;
        Prior = prior;
        LogScale = logScale;
        Value = value;
    }

    /// <summary>The readable name.</summary>
    public string Name { get; }

    /// <summary>The smallest natural value.</summary>
    public double Lower { get; }

    /// <summary>The largest natural value.</summary>
    public double Upper { get; }

    /// <summary>The prior over the natural value.</summary>
    public IPrior Prior { get; }

    /// <summary>True when <see cref="Theta"/> is the log of the value.</summary>
    public bool LogScale { get; }

    /// <summary>The natural value, always within [<see cref="Lower"/>, <see cref="Upper"/>].</summary>
    public double Value
    {
        get => _value;
        set
        {
            if (double.IsNaN(value)) throw new ArgumentException($"Hyper-parameter '{Name}' cannot be NaN.", nameof(value));
            _value = Math.Clamp(value, Lower, Upper);
        }
    }

    /// <summary>The coordinate samplers and optimisers move: log(value) when log-scaled, else the value.</summary>
    public double Theta
    {
        get => LogScale ? Math.Log(_value) : _value;
        set => Value = LogScale ? Math.Exp(value) : value;
    }

    /// <summary>The lower bound of <see cref="Theta"/>.</summary>
    public double ThetaLower => LogScale ? Math.Log(Lower) : Lower;

    /// <summary>The upper bound of <see cref="Theta"/>.</summary>
    public double ThetaUpper => LogScale ? Math.Log(Upper) : Upper;

    /// <summary>The log prior density of <paramref name="theta"/>, including the Jacobian of the log map,
    /// so that sampling in theta targets the intended density over values. Negative infinity out of bounds.</summary>
    public double LogPriorOfTheta(double theta)
    {
        if (!(theta >= ThetaLower && theta <= ThetaUpper)) return double.NegativeInfinity;
        return LogScale ? Prior.LogDensity(Math.Exp(theta)) + theta : Prior.LogDensity(theta);
    }

    /// <summary>The derivative of <see cref="LogPriorOfTheta"/>.</summary>
    public double LogPriorGradientOfTheta(double theta)
    {
        if (!LogScale) return Prior.LogDensityDerivative(theta);
        var value = Math.Exp(theta);
        return Prior.LogDensityDerivative(value) * value + 1;
    }

    /// <summary>A copy with the same value, bounds and prior.</summary>
    public Hyperparameter Clone() => new(Name, _value, Lower, Upper, Prior, LogScale);

    /// <inheritdoc />
    public override string ToString() => $"{Name}={_value:G4}";
}
