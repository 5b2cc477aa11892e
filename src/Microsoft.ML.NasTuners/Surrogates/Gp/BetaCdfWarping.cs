using MathNet.Numerics;

namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// Input warping by the Beta cumulative distribution function, one (α, β) pair per warped column
/// (Snoek, Swersky, Zemel &amp; Adams 2014): w(u) = I_u(α, β). With α, β near 1 it is nearly the identity; other values
/// stretch one end of the range, so a length-scale that should vary along a dimension (as in "log-ish" parameters the
/// user left linear) becomes stationary. The pairs are hyper-parameters, sampled or optimised with the kernel's.
/// </summary>
public sealed class BetaCdfWarping : IInputTransform
{
    // Keeps the Beta density finite at the ends when α or β is below one.
    private const double Edge = 1e-6;
    // Step in Theta for the derivative with respect to (α, β): the regularised incomplete beta has no cheap closed form.
    private const double ThetaStep = 1e-5;

    private readonly int[] _columns;
    private readonly int[] _slotOfColumn;
    private readonly Hyperparameter[] _hyperparameters;

    /// <summary>Creates the warping with default priors: α and β LogNormal(median 1, σ 0.75) on [0.1, 10].</summary>
    /// <param name="dimension">The number of input coordinates.</param>
    /// <param name="columns">The columns to warp (numeric columns in [0,1]); others pass through.</param>
    public BetaCdfWarping(int dimension, IEnumerable<int> columns)
        : this(dimension, columns, new LogNormalPrior(1, 0.75))
    {
    }

    /// <summary>Creates the warping.</summary>
    /// <param name="dimension">The number of input coordinates.</param>
    /// <param name="columns">The columns to warp (numeric columns in [0,1]); others pass through.</param>
    /// <param name="prior">The prior of every α and β (bounds [0.1, 10]).</param>
    public BetaCdfWarping(int dimension, IEnumerable<int> columns, IPrior prior)
        : this(dimension, columns, c => (
            new Hyperparameter($"warp_alpha[{c}]", 1, 0.1, 10, prior),
            new Hyperparameter($"warp_beta[{c}]", 1, 0.1, 10, prior)))
    {
    }

    private BetaCdfWarping(int dimension, IEnumerable<int> columns, Func<int, (Hyperparameter Alpha, Hyperparameter Beta)> create)
    {
        if (dimension <= 0) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The dimension must be positive.");
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns.Distinct().Order().ToArray();
        if (_columns.Any(c => c < 0 || c >= dimension))
            throw new ArgumentOutOfRangeException(nameof(columns), $"Warped columns must lie in 0..{dimension - 1}.");
        Dimension = dimension;
        _slotOfColumn = Enumerable.Repeat(-1, dimension).ToArray();
        _hyperparameters = new Hyperparameter[2 * _columns.Length];
        for (var s = 0; s < _columns.Length; s++)
        {
            _slotOfColumn[_columns[s]] = s;
            (_hyperparameters[2 * s], _hyperparameters[2 * s + 1]) = create(_columns[s]);
        }
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>The warped columns.</summary>
    public IReadOnlyList<int> Columns => _columns;

    /// <inheritdoc />
    public IReadOnlyList<Hyperparameter> Hyperparameters => _hyperparameters;

    /// <inheritdoc />
    public void Transform(ReadOnlySpan<double> x, Span<double> result)
    {
        x.CopyTo(result);
        for (var s = 0; s < _columns.Length; s++)
        {
            var c = _columns[s];
            result[c] = Warp(x[c], _hyperparameters[2 * s].Value, _hyperparameters[2 * s + 1].Value);
        }
    }

    /// <inheritdoc />
    public void Derivative(ReadOnlySpan<double> x, Span<double> result)
    {
        result[..Dimension].Fill(1);
        for (var s = 0; s < _columns.Length; s++)
        {
            var c = _columns[s];
            var u = x[c];
            if (u <= Edge || u >= 1 - Edge)
            {
                result[c] = 0;
                continue;
            }
            var a = _hyperparameters[2 * s].Value;
            var b = _hyperparameters[2 * s + 1].Value;
            result[c] = Math.Exp((a - 1) * Math.Log(u) + (b - 1) * Math.Log(1 - u) - SpecialFunctions.BetaLn(a, b));
        }
    }

    /// <inheritdoc />
    public void HyperparameterDerivative(ReadOnlySpan<double> x, int parameter, Span<double> result)
    {
        if (parameter < 0 || parameter >= _hyperparameters.Length)
            throw new ArgumentOutOfRangeException(nameof(parameter), parameter, $"The warping has {_hyperparameters.Length} hyper-parameters.");
        result[..Dimension].Clear();
        var s = parameter / 2;
        var c = _columns[s];
        var a = _hyperparameters[2 * s].Theta;
        var b = _hyperparameters[2 * s + 1].Theta;
        var isAlpha = parameter % 2 == 0;
        var u = x[c];
        double At(double delta) => isAlpha
            ? Warp(u, Math.Exp(a + delta), Math.Exp(b))
            : Warp(u, Math.Exp(a), Math.Exp(b + delta));
        result[c] = (At(ThetaStep) - At(-ThetaStep)) / (2 * ThetaStep);
    }

    /// <inheritdoc />
    public IInputTransform Clone()
    {
        var copy = new BetaCdfWarping(Dimension, _columns, c =>
        {
            var s = _slotOfColumn[c];
            return (_hyperparameters[2 * s].Clone(), _hyperparameters[2 * s + 1].Clone());
        });
        return copy;
    }

    private static double Warp(double u, double a, double b) => SpecialFunctions.BetaRegularized(a, b, Math.Clamp(u, Edge, 1 - Edge));
}
