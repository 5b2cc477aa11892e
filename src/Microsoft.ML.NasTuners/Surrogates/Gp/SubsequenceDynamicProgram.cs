namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// The dynamic programme of the gap-weighted sub-sequence string kernel (Lodhi et al. 2002) with separate match and
/// gap decays (Moss et al. 2020, BOSS): for every length n = 1 … L at once, the unnormalised
/// k_n(s, t) = Σ over common sub-sequences u of length n, Σ over their occurrences i in s and j in t, of
/// m^(2n) · g^(span(i) − n + span(j) − n), where span is the distance from the first to the last matched token plus
/// one, m the match decay and g the gap decay. Time O(L |s| |t|), with the derivatives by m and g carried along.
/// </summary>
/// <remarks>
/// K'_i(a, b) sums the occurrences of length i in the prefixes s[..a], t[..b] with the tokens after the last match
/// counted as gaps; K''_i(a, b) those whose last s-match is s[a]. Then
/// K''_i(a, b) = g K''_i(a, b−1) + [s_a = t_b] m² K'_{i−1}(a−1, b−1),  K'_i(a, b) = g K'_i(a−1, b) + K''_i(a, b),
/// and k_n = Σ_{a,b} [s_a = t_b] m² K'_{n−1}(a−1, b−1). One instance reuses its buffers, so it is not thread-safe.
/// </remarks>
internal sealed class SubsequenceDynamicProgram
{
    private readonly int _maxLength;
    private double[] _previous = [], _previousM = [], _previousG = [];
    private double[] _current = [], _currentM = [], _currentG = [];
    private bool[] _match = [];

    /// <summary>Creates the programme for sub-sequences up to <paramref name="maxLength"/> long.</summary>
    public SubsequenceDynamicProgram(int maxLength) => _maxLength = maxLength;

    /// <summary>Writes k_n(s, t) into <paramref name="values"/>[n − 1] for n = 1 … L and, when the derivative spans
    /// are not empty, dk_n/dm and dk_n/dg into them.</summary>
    /// <remarks>Tokens are compared as ids (see <see cref="TokenIds"/>), which is several times faster than comparing
    /// strings in the O(|s| |t|) match table.</remarks>
    public void Evaluate(int[] s, int[] t, double matchDecay, double gapDecay,
        Span<double> values, Span<double> byMatch, Span<double> byGap)
    {
        var p = s.Length;
        var q = t.Length;
        var withGradient = !byMatch.IsEmpty;
        values[.._maxLength].Clear();
        if (withGradient)
        {
            byMatch[.._maxLength].Clear();
            byGap[.._maxLength].Clear();
        }
        if (p == 0 || q == 0) return;
        EnsureCapacity(p, q);

        var anyMatch = false;
        for (var a = 0; a < p; a++)
        {
            for (var b = 0; b < q; b++)
            {
                var same = s[a] == t[b];
                _match[a * q + b] = same;
                anyMatch |= same;
            }
        }
        if (!anyMatch) return;

        var width = q + 1;
        var cells = (p + 1) * width;
        // K'_0 = 1 everywhere, and its derivatives vanish.
        Array.Fill(_previous, 1.0, 0, cells);
        if (withGradient)
        {
            Array.Clear(_previousM, 0, cells);
            Array.Clear(_previousG, 0, cells);
        }
        var m = matchDecay;
        var g = gapDecay;
        var m2 = m * m;
        var dm2 = 2 * m;

        for (var n = 1; n <= _maxLength; n++)
        {
            // The occurrences of length n end at a match (a, b) and extend one of length n − 1 in the prefixes before it.
            double kn = 0, knM = 0, knG = 0;
            // Occurrences of length n end at a ≥ n, b ≥ n (with gradients every cell of K' is computed, which is
            // harmless: the cells below are zero).
            for (var a = n; a <= p; a++)
            {
                for (var b = n; b <= q; b++)
                {
                    if (!_match[(a - 1) * q + b - 1]) continue;
                    var before = (a - 1) * width + b - 1;
                    kn += m2 * _previous[before];
                    if (!withGradient) continue;
                    knM += dm2 * _previous[before] + m2 * _previousM[before];
                    knG += m2 * _previousG[before];
                }
            }
            values[n - 1] = kn;
            if (withGradient)
            {
                byMatch[n - 1] = knM;
                byGap[n - 1] = knG;
            }
            if (n == _maxLength || n >= Math.Min(p, q)) break;
            if (withGradient) NextLevelWithGradient(p, q, m2, dm2, g);
            else NextLevel(p, q, m2, g, n);
            (_previous, _current) = (_current, _previous);
            (_previousM, _currentM) = (_currentM, _previousM);
            (_previousG, _currentG) = (_currentG, _previousG);
        }
    }

    // K'_n from K'_{n−1} (in _previous) into _current, values only: the hot path of predictions. Only the cells with
    // a ≥ n and b ≥ n can be non-zero and only they are read by the next level, so only they are computed.
    private void NextLevel(int p, int q, double m2, double g, int n)
    {
        var width = q + 1;
        var current = _current;
        var previous = _previous;
        var match = _match;
        for (var a = n; a <= p; a++)
        {
            var row = a * width;
            var above = row - width;
            var matchRow = (a - 1) * q - 1;
            double inner = 0;
            for (var b = n; b <= q; b++)
            {
                inner *= g;
                if (match[matchRow + b]) inner += m2 * previous[above + b - 1];
                // K'_n(n − 1, b) = 0: the row above the first computed one holds no occurrence of length n.
                current[row + b] = (a == n ? 0 : g * current[above + b]) + inner;
            }
        }
    }

    // K'_n from K'_{n−1} (in _previous) into _current, with the derivatives by m and g.
    private void NextLevelWithGradient(int p, int q, double m2, double dm2, double g)
    {
        var width = q + 1;
        // Row 0 (and column 0) stay zero: no occurrence of length n ≥ 1 fits in an empty prefix.
        Array.Clear(_current, 0, width);
        Array.Clear(_currentM, 0, width);
        Array.Clear(_currentG, 0, width);
        for (var a = 1; a <= p; a++)
        {
            var row = a * width;
            var above = row - width;
            _current[row] = 0;
            _currentM[row] = 0;
            _currentG[row] = 0;
            double inner = 0, innerM = 0, innerG = 0;
            for (var b = 1; b <= q; b++)
            {
                // K''_n(a, b) = g K''_n(a, b−1) + [s_a = t_b] m² K'_{n−1}(a−1, b−1).
                var newInnerG = innerG * g + inner;
                inner *= g;
                innerM *= g;
                innerG = newInnerG;
                if (_match[(a - 1) * q + b - 1])
                {
                    var before = above + b - 1;
                    inner += m2 * _previous[before];
                    innerM += dm2 * _previous[before] + m2 * _previousM[before];
                    innerG += m2 * _previousG[before];
                }
                // K'_n(a, b) = g K'_n(a−1, b) + K''_n(a, b).
                var up = above + b;
                _current[row + b] = g * _current[up] + inner;
                _currentM[row + b] = g * _currentM[up] + innerM;
                _currentG[row + b] = g * _currentG[up] + _current[up] + innerG;
            }
        }
    }

    /// <summary>The sequences with each distinct token replaced by one id (the same id for equal tokens across all
    /// the lists given).</summary>
    public static int[][] TokenIds(params IReadOnlyList<IReadOnlyList<string>>[] lists)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = lists.Sum(l => l.Count);
        var result = new int[total][];
        var k = 0;
        foreach (var list in lists)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var sequence = list[i] ?? throw new ArgumentNullException(nameof(lists), $"Sequence {i} is null.");
                var row = new int[sequence.Count];
                for (var c = 0; c < row.Length; c++)
                {
                    if (!ids.TryGetValue(sequence[c], out var id)) ids.Add(sequence[c], id = ids.Count);
                    row[c] = id;
                }
                result[k++] = row;
            }
        }
        return result;
    }

    private void EnsureCapacity(int p, int q)
    {
        var cells = (p + 1) * (q + 1);
        if (_previous.Length < cells)
        {
            _previous = new double[cells];
            _previousM = new double[cells];
            _previousG = new double[cells];
            _current = new double[cells];
            _currentM = new double[cells];
            _currentG = new double[cells];
        }
        if (_match.Length < p * q) _match = new bool[p * q];
    }
}
