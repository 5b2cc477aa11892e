using System.Globalization;
using System.Numerics;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// A Sobol low-discrepancy sequence in <c>[0,1)^d</c>, built from the direction numbers of Joe and Kuo
/// (<c>new-joe-kuo-6.21201</c>) in Gray-code order with 52-bit coordinates.
/// </summary>
/// <remarks>
/// <para>The first <c>2^m</c> points form a digital <c>(t,m,d)</c>-net in base 2: every one-dimensional interval
/// <c>[k/2^m, (k+1)/2^m)</c> holds exactly one point in every coordinate, and the first two coordinates together are
/// stratified in every dyadic box of volume <c>2^-m</c>. Use such powers of two as a whole; a prefix of any other
/// length is less balanced.</para>
/// <para>With <c>scramble</c> on (the default) each coordinate gets a random linear matrix scramble (a lower-triangular
/// binary matrix with unit diagonal) and a random digital shift, drawn from <c>new Random(seed)</c> one coordinate after
/// the other. This keeps the net property, moves the first point away from the origin and gives a different, equally
/// balanced point set for every seed. Without scrambling the sequence is the classical one and starts at the origin.</para>
/// <para>An instance is not safe for concurrent use.</para>
/// </remarks>
public sealed class SobolSequence
{
    /// <summary>The largest dimension the bundled direction numbers support.</summary>
    public const int MaxDimension = JoeKuoDirectionNumbers.MaxDimension;

    /// <summary>How many points a sequence holds: <c>2^52</c>, one per distinct 52-bit Gray-code index.</summary>
    public const long MaxPoints = 1L << Bits;

    // 52 bits fill a double's mantissa, so every coordinate converts to a double exactly and stays below 1.
    private const int Bits = 52;
    private const ulong Mask = (1UL << Bits) - 1;
    private const double Scale = 1.0 / (1UL << Bits);

    private static readonly Lazy<Polynomial[]> Polynomials = new(ParseTable);

    private readonly ulong[][] _directions;
    private readonly ulong[] _shift;
    private readonly ulong[] _state;

    /// <summary>Creates the sequence.</summary>
    /// <param name="dimension">The number of coordinates of each point, from 0 to <see cref="MaxDimension"/>.</param>
    /// <param name="scramble">Apply the seeded linear matrix scramble and digital shift (see remarks).</param>
    /// <param name="seed">The seed of the scramble; ignored when <paramref name="scramble"/> is false.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is negative or above <see cref="MaxDimension"/>.</exception>
    public SobolSequence(int dimension, bool scramble = true, int seed = 0)
    {
        if (dimension < 0 || dimension > MaxDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension,
                $"A Sobol sequence has between 0 and {MaxDimension} dimensions (the Joe-Kuo direction numbers bundled here); got {dimension}.");
        }

        Dimension = dimension;
        IsScrambled = scramble;
        _directions = new ulong[dimension][];
        _shift = new ulong[dimension];
        _state = new ulong[dimension];
        // One generator for all coordinates, consumed coordinate by coordinate, so that the first k coordinates of a
        // scrambled sequence do not depend on how many coordinates follow.
        var random = scramble ? new Random(seed) : null;
        for (var j = 0; j < dimension; j++)
        {
            var directions = DirectionNumbers(j);
            if (random is not null)
            {
                ScrambleInPlace(directions, random);
                _shift[j] = (ulong)random.NextInt64() & Mask;
            }
            _directions[j] = directions;
            _state[j] = _shift[j];
        }
    }

    /// <summary>The number of coordinates of each point.</summary>
    public int Dimension { get; }

    /// <summary>True when the sequence is scrambled.</summary>
    public bool IsScrambled { get; }

    /// <summary>The index of the point that <see cref="Next"/> returns next: the number of points drawn or skipped so far.</summary>
    public long Index { get; private set; }

    /// <summary>Returns the next point; each coordinate lies in <c>[0,1)</c>.</summary>
    /// <exception cref="InvalidOperationException">All <see cref="MaxPoints"/> points have been drawn.</exception>
    public double[] Next()
    {
        if (Index >= MaxPoints)
            throw new InvalidOperationException($"The Sobol sequence is exhausted after {MaxPoints} points.");
        var point = new double[Dimension];
        for (var j = 0; j < point.Length; j++)
            point[j] = _state[j] * Scale;

        // Consecutive Gray codes differ in one bit, the lowest zero bit of the index, so one XOR per coordinate
        // moves to the next point.
        if (Index + 1 < MaxPoints)
        {
            var bit = BitOperations.TrailingZeroCount(~(ulong)Index);
            for (var j = 0; j < _state.Length; j++)
                _state[j] ^= _directions[j][bit];
        }
        Index++;
        return point;
    }

    /// <summary>Skips <paramref name="count"/> points, so that <see cref="Next"/> returns the point at
    /// <c><see cref="Index"/> + count</c>; costs the same as drawing one point, whatever the count.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or passes <see cref="MaxPoints"/>.</exception>
    public void Skip(long count)
    {
        if (count < 0 || count > MaxPoints - Index)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"Can skip between 0 and {MaxPoints - Index} points (the sequence holds {MaxPoints} points and is at index {Index}).");
        }
        Index += count;
        if (Index >= MaxPoints) return;
        var gray = (ulong)(Index ^ (Index >> 1));
        for (var j = 0; j < _state.Length; j++)
        {
            var x = _shift[j];
            for (var rest = gray; rest != 0; rest &= rest - 1)
                x ^= _directions[j][BitOperations.TrailingZeroCount(rest)];
            _state[j] = x;
        }
    }

    /// <summary>The direction numbers <c>v_1..v_52</c> of coordinate <paramref name="j"/> (0-based), as 52-bit
    /// fractions: bit 51 is the digit of weight 1/2.</summary>
    private static ulong[] DirectionNumbers(int j)
    {
        var v = new ulong[Bits];
        if (j == 0)
        {
            // The van der Corput sequence: the generating matrix is the identity (all m_k = 1).
            for (var k = 1; k <= Bits; k++)
                v[k - 1] = 1UL << (Bits - k);
            return v;
        }

        var (s, a, m) = Polynomials.Value[j - 1];
        for (var k = 1; k <= s; k++)
            v[k - 1] = (ulong)m[k - 1] << (Bits - k);
        // Bratley and Fox's recurrence for the primitive polynomial x^s + a_1 x^(s-1) + ... + a_(s-1) x + 1:
        // v_k = a_1 v_(k-1) ^ ... ^ a_(s-1) v_(k-s+1) ^ v_(k-s) ^ (v_(k-s) >> s).
        for (var k = s + 1; k <= Bits; k++)
        {
            var x = v[k - s - 1] ^ (v[k - s - 1] >> s);
            for (var i = 1; i < s; i++)
            {
                if (((a >> (s - 1 - i)) & 1) != 0)
                    x ^= v[k - i - 1];
            }
            v[k - 1] = x;
        }
        return v;
    }

    /// <summary>Multiplies every direction number by a random lower-triangular binary matrix with unit diagonal.</summary>
    /// <remarks>Row i of the matrix gives output digit i (weight 2^-i) as a sum of input digits 1..i. As the point is
    /// the XOR of direction numbers and the product is linear, scrambling the direction numbers scrambles every point;
    /// since the first m digits of the result depend only on the first m digits of the input and the diagonal is one,
    /// every elementary interval keeps its count, hence the net property.</remarks>
    private static void ScrambleInPlace(ulong[] directions, Random random)
    {
        var rows = new ulong[Bits];
        for (var i = 1; i <= Bits; i++)
        {
            var diagonal = 1UL << (Bits - i);
            var moreSignificant = Mask & ~((diagonal << 1) - 1);
            rows[i - 1] = diagonal | ((ulong)random.NextInt64() & moreSignificant);
        }
        for (var k = 0; k < directions.Length; k++)
        {
            var x = 0UL;
            for (var i = 1; i <= Bits; i++)
            {
                if ((BitOperations.PopCount(rows[i - 1] & directions[k]) & 1) != 0)
                    x |= 1UL << (Bits - i);
            }
            directions[k] = x;
        }
    }

    private static Polynomial[] ParseTable()
    {
        var lines = JoeKuoDirectionNumbers.Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new Polynomial[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var numbers = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            var (d, s) = (numbers[0], numbers[1]);
            if (d != i + 2 || numbers.Length != 3 + s)
                throw new InvalidOperationException($"Line {i + 1} of the Joe-Kuo table is malformed: '{lines[i]}'.");
            result[i] = new Polynomial(s, numbers[2], numbers[3..]);
        }
        return result;
    }

    /// <summary>One line of the table: the degree of the primitive polynomial, its inner coefficients as bits and the
    /// initial direction numbers m_1..m_s.</summary>
    internal readonly record struct Polynomial(int Degree, int Coefficients, int[] InitialNumbers);

    /// <summary>The parsed table, for tests of its integrity.</summary>
    internal static IReadOnlyList<Polynomial> Table => Polynomials.Value;
}
