using System.Globalization;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// Counting ones (Falkner, Klein and Hutter, ICML 2018): 8 binary categorical parameters <c>c0</c>..<c>c7</c> (choices
/// 0 and 1) and 8 continuous ones <c>x0</c>..<c>x7</c> in [0,1]. At budget b (a whole number of samples in [9, 729])
/// each continuous parameter is scored by the mean of b Bernoulli(x_j) draws, and
/// loss = -(Σ c_i + Σ_j mean_j). Its expectation is -(Σ c_i + Σ_j x_j), whose minimum f* = -16 is reached at all ones
/// (where every draw is 1, so the loss is -16 at any budget).
/// </summary>
/// <remarks>
/// The draws are deterministic: those of parameter x_j come from a generator seeded by a hash of the whole
/// configuration and j, so the same configuration gives the same loss, and its first b draws are the same at every
/// budget — a run continued from a lower budget sees exactly what a fresh run at the higher budget sees.
/// <see cref="EvaluateFullFidelity"/> gives the expected loss, which scores regret.
/// </remarks>
public sealed class CountingOnesProblem : IBenchmarkProblem
{
    /// <summary>The number of binary parameters.</summary>
    public const int BinaryCount = 8;

    /// <summary>The number of continuous parameters.</summary>
    public const int ContinuousCount = 8;

    /// <summary>The smallest budget (samples per continuous parameter).</summary>
    public const int MinSamples = 9;

    /// <summary>The full budget: 9 · 3^4, so successive halving with η = 3 has five rungs.</summary>
    public const int MaxSamples = 729;

    /// <summary>Creates the problem.</summary>
    public CountingOnesProblem()
    {
        SearchSpace = new SearchSpace(
            Enumerable.Range(0, BinaryCount).Select(i => KeyValuePair.Create(BinaryKey(i), (OptionBase)new ChoiceOption(0, 1)))
                .Concat(Enumerable.Range(0, ContinuousCount).Select(j => KeyValuePair.Create(ContinuousKey(j), (OptionBase)new UniformDoubleOption(0, 1)))));
    }

    /// <inheritdoc />
    public string Name => "counting_ones";

    /// <inheritdoc />
    public string Description => "Counting ones: 8 binary + 8 continuous in [0,1], budget = Bernoulli samples 9..729; f* = -16";

    /// <inheritdoc />
    public SearchSpace SearchSpace { get; }

    /// <inheritdoc />
    public double OptimalValue => -(BinaryCount + ContinuousCount);

    /// <inheritdoc />
    public double? MinBudget => MinSamples;

    /// <inheritdoc />
    public double? MaxBudget => MaxSamples;

    /// <summary>The key of binary parameter <paramref name="index"/>: <c>c0</c> .. <c>c7</c>.</summary>
    public static string BinaryKey(int index) => "c" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The key of continuous parameter <paramref name="index"/>: <c>x0</c> .. <c>x7</c>.</summary>
    public static string ContinuousKey(int index) => "x" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The loss of the b draws; budget null means <see cref="MaxSamples"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The budget is not a whole number in [9, 729].</exception>
    public double Evaluate(Parameter parameter, double? budget = null)
    {
        var samples = ResolveBudget(budget);
        var (binary, x) = Read(parameter);
        var hash = Hash(binary, x);
        var loss = -(double)binary.Sum();
        for (var j = 0; j < x.Length; j++)
        {
            var random = new Random(unchecked((int)SplitMix(hash + (ulong)j)));
            var ones = 0;
            for (var k = 0; k < samples; k++)
            {
                if (random.NextDouble() < x[j]) ones++;
            }
            loss -= (double)ones / samples;
        }
        return loss;
    }

    /// <summary>The expected loss, -(Σ c_i + Σ x_j).</summary>
    public double EvaluateFullFidelity(Parameter parameter)
    {
        var (binary, x) = Read(parameter);
        return -(binary.Sum() + x.Sum());
    }

    private int ResolveBudget(double? budget)
    {
        if (budget is not { } b) return MaxSamples;
        if (!(b >= MinSamples && b <= MaxSamples) || b != Math.Floor(b))
            throw new ArgumentOutOfRangeException(nameof(budget), budget,
                $"Problem '{Name}' takes a budget of whole samples in [{MinSamples}, {MaxSamples}].");
        return (int)b;
    }

    private (int[] Binary, double[] X) Read(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        // The space checks every key, range and choice, with messages that name the key.
        _ = SearchSpace.MappingToFeatureSpace(parameter);
        var binary = Enumerable.Range(0, BinaryCount).Select(i => (int)parameter[BinaryKey(i)].AsDouble()).ToArray();
        var x = Enumerable.Range(0, ContinuousCount).Select(j => parameter[ContinuousKey(j)].AsDouble()).ToArray();
        return (binary, x);
    }

    // FNV-style mixing of the exact bits of every value: equal configurations share their draws, others do not.
    private static ulong Hash(int[] binary, double[] x)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var b in binary)
            hash = SplitMix(hash ^ (ulong)b);
        foreach (var v in x)
            hash = SplitMix(hash ^ (ulong)BitConverter.DoubleToInt64Bits(v));
        return hash;
    }

    private static ulong SplitMix(ulong z)
    {
        unchecked
        {
            z += 0x9e3779b97f4a7c15UL;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
            return z ^ (z >> 31);
        }
    }
}
