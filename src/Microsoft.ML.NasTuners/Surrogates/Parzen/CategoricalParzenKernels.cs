namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>Kernels of a categorical dimension: each observation's kernel puts most of its mass on the observed
/// choice and spreads a share proportional to the prior weight over all choices (so no choice is ever impossible);
/// the prior component is uniform. A mixture of them is a smoothed, weighted count of the choices.</summary>
internal sealed class CategoricalParzenKernels : ParzenKernels
{
    private readonly int _choiceCount;
    // _logProbability[choice][component]: contiguous over components for the evaluation loop.
    private readonly double[][] _logProbability;
    // _cumulative[component * choiceCount + choice]: for sampling a component's choice.
    private readonly double[] _cumulative;

    public CategoricalParzenKernels(Dimension dimension, ReadOnlySpan<double> observed, double priorWeight)
    {
        _choiceCount = Math.Max(1, dimension.ChoiceCount);
        var n = observed.Length;
        var components = n + 1;
        // Smoothing shrinks as observations accumulate: each kernel's off-choice mass is priorWeight / (n + 1) per
        // choice before normalising, so the counts dominate once there are many of them.
        var smoothing = priorWeight / components;
        var onChoice = (1 + smoothing) / (1 + _choiceCount * smoothing);
        var offChoice = smoothing / (1 + _choiceCount * smoothing);
        var logOn = Math.Log(onChoice);
        var logOff = Math.Log(offChoice);
        var logUniform = -Math.Log(_choiceCount);
        _logProbability = new double[_choiceCount][];
        for (var c = 0; c < _choiceCount; c++)
        {
            var row = new double[components];
            for (var k = 0; k < n; k++)
                row[k] = (int)observed[k] == c ? logOn : logOff;
            row[n] = logUniform;
            _logProbability[c] = row;
        }
        _cumulative = new double[components * _choiceCount];
        for (var k = 0; k < components; k++)
        {
            var total = 0.0;
            for (var c = 0; c < _choiceCount; c++)
            {
                total += Math.Exp(_logProbability[c][k]);
                _cumulative[k * _choiceCount + c] = total;
            }
        }
    }

    public override bool AddLogKernels(double value, Span<double> accumulator)
    {
        var choice = Math.Round(value, MidpointRounding.AwayFromZero);
        if (!(choice >= 0 && choice < _choiceCount)) return false;
        var row = _logProbability[(int)choice];
        for (var k = 0; k < accumulator.Length; k++)
            accumulator[k] += row[k];
        return true;
    }

    public override double Sample(Random random, int component)
    {
        var offset = component * _choiceCount;
        var u = random.NextDouble() * _cumulative[offset + _choiceCount - 1];
        for (var c = 0; c < _choiceCount - 1; c++)
        {
            if (u < _cumulative[offset + c]) return c;
        }
        return _choiceCount - 1;
    }
}
