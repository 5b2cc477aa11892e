namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>Applies transforms one after the other (the first listed first); hyper-parameters are those of the
/// parts, in order.</summary>
public sealed class ChainedInputTransform : IInputTransform
{
    private readonly IInputTransform[] _parts;
    private readonly Hyperparameter[] _hyperparameters;

    /// <summary>Creates the chain; all parts must have the same dimension.</summary>
    public ChainedInputTransform(params IInputTransform[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0) throw new ArgumentException("A chain needs at least one transform.", nameof(parts));
        if (parts.Any(p => p.Dimension != parts[0].Dimension))
            throw new ArgumentException($"All transforms of a chain must have the same dimension, got {string.Join(", ", parts.Select(p => p.Dimension))}.", nameof(parts));
        _parts = parts;
        _hyperparameters = parts.SelectMany(p => p.Hyperparameters).ToArray();
    }

    /// <summary>The parts, first applied first.</summary>
    public IReadOnlyList<IInputTransform> Parts => _parts;

    /// <inheritdoc />
    public int Dimension => _parts[0].Dimension;

    /// <inheritdoc />
    public IReadOnlyList<Hyperparameter> Hyperparameters => _hyperparameters;

    /// <inheritdoc />
    public void Transform(ReadOnlySpan<double> x, Span<double> result)
    {
        Span<double> buffer = stackalloc double[Dimension];
        x.CopyTo(buffer);
        foreach (var part in _parts)
        {
            part.Transform(buffer, result);
            result[..Dimension].CopyTo(buffer);
        }
    }

    /// <inheritdoc />
    public void Derivative(ReadOnlySpan<double> x, Span<double> result)
    {
        var d = Dimension;
        Span<double> point = stackalloc double[d];
        Span<double> next = stackalloc double[d];
        Span<double> partDerivative = stackalloc double[d];
        x.CopyTo(point);
        result[..d].Fill(1);
        foreach (var part in _parts)
        {
            part.Derivative(point, partDerivative);
            for (var c = 0; c < d; c++) result[c] *= partDerivative[c];
            part.Transform(point, next);
            next.CopyTo(point);
        }
    }

    /// <inheritdoc />
    public void HyperparameterDerivative(ReadOnlySpan<double> x, int parameter, Span<double> result)
    {
        var d = Dimension;
        Span<double> point = stackalloc double[d];
        Span<double> next = stackalloc double[d];
        Span<double> partDerivative = stackalloc double[d];
        x.CopyTo(point);
        var offset = 0;
        var found = false;
        foreach (var part in _parts)
        {
            var count = part.Hyperparameters.Count;
            if (!found && parameter < offset + count)
            {
                part.HyperparameterDerivative(point, parameter - offset, result);
                found = true;
            }
            else if (found)
            {
                // Later parts scale the derivative by their own (diagonal) Jacobian.
                part.Derivative(point, partDerivative);
                for (var c = 0; c < d; c++) result[c] *= partDerivative[c];
            }
            offset += count;
            part.Transform(point, next);
            next.CopyTo(point);
        }
        if (!found) throw new ArgumentOutOfRangeException(nameof(parameter), parameter, $"The chain has {_hyperparameters.Length} hyper-parameters.");
    }

    /// <inheritdoc />
    public IInputTransform Clone() => new ChainedInputTransform(_parts.Select(p => p.Clone()).ToArray());
}
