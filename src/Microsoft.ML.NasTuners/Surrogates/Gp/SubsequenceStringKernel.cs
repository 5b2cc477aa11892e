using MathNet.Numerics.LinearAlgebra;

namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// The gap-weighted sub-sequence string kernel (Lodhi et al. 2002) over token sequences, with separate match and gap
/// decays and one weight per sub-sequence length, as in BOSS (Moss et al. 2020):
/// k(s, t) = a · Σ_n w_n k̂_n(s, t) / Σ_n w_n for n = 1 … <see cref="MaxLength"/>, where
/// k̂_n(s, t) = k_n(s, t) / √(k_n(s, s) k_n(t, t)) is the normalised kernel of the sub-sequences of length n (0 when a
/// sequence is shorter than n). Two sequences share more weight the more (and the more contiguous) sub-sequences they
/// have in common, so architecture strings that differ in one operation stay close.
/// </summary>
/// <remarks>
/// <para>Hyper-parameters, all log-scaled: the amplitude a (prior LogNormal(median 1, σ 1) on [0.01, 100]), the match
/// decay m and the gap decay g (uniform on [0.01, 1]; decays above 1 would weight long gaps more than short ones), and
/// the weights w_1 … w_L (LogNormal(median 1, σ 1) on [1e-3, 1e3]; only their ratios matter, the prior pins the
/// scale). Each k̂_n is a normalised positive semi-definite kernel, so k is one as well, with k(s, s) = a for
/// sequences of at least L tokens.</para>
/// <para>Each kernel value costs O(L |s| |t|) (<see cref="Unnormalised"/>); the gradient with respect to the decays
/// is carried through the same dynamic programme.</para>
/// </remarks>
public sealed class SubsequenceStringKernel : IKernel<IReadOnlyList<string>>
{
    private const int AmplitudeIndex = 0;
    private const int MatchIndex = 1;
    private const int GapIndex = 2;
    private const int FirstWeightIndex = 3;

    private readonly Hyperparameter[] _hyperparameters;

    /// <summary>Creates the kernel with the default hyper-parameters (amplitude 1, decays 0.5, weights 1).</summary>
    /// <param name="maxLength">The longest sub-sequence compared, L; default 5. At least 1.</param>
    public SubsequenceStringKernel(int maxLength = 5)
        : this(
            new Hyperparameter("amplitude", 1, 0.01, 100, new LogNormalPrior(1, 1)),
            new Hyperparameter("matchDecay", 0.5, 0.01, 1, FlatPrior.Instance),
            new Hyperparameter("gapDecay", 0.5, 0.01, 1, FlatPrior.Instance),
            Enumerable.Range(1, maxLength >= 1 ? maxLength : throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "maxLength must be at least 1."))
                .Select(n => new Hyperparameter($"weight[{n}]", 1, 1e-3, 1e3, new LogNormalPrior(1, 1)))
                .ToArray())
    {
    }

    /// <summary>Creates the kernel from explicit hyper-parameters (all log-scaled, so positive).</summary>
    /// <param name="amplitude">The amplitude a.</param>
    /// <param name="matchDecay">The match decay m; its upper bound at most 1.</param>
    /// <param name="gapDecay">The gap decay g; its upper bound at most 1.</param>
    /// <param name="lengthWeights">One weight per sub-sequence length 1 … L (L = the count, at least 1).</param>
    public SubsequenceStringKernel(Hyperparameter amplitude, Hyperparameter matchDecay, Hyperparameter gapDecay, IReadOnlyList<Hyperparameter> lengthWeights)
    {
        ArgumentNullException.ThrowIfNull(amplitude);
        ArgumentNullException.ThrowIfNull(matchDecay);
        ArgumentNullException.ThrowIfNull(gapDecay);
        ArgumentNullException.ThrowIfNull(lengthWeights);
        if (lengthWeights.Count == 0) throw new ArgumentException("The kernel needs a weight for at least one length.", nameof(lengthWeights));
        Hyperparameter[] all = [amplitude, matchDecay, gapDecay, .. lengthWeights];
        if (all.Any(h => !h.LogScale))
            throw new ArgumentException("The amplitude, decays and weights must be log-scaled (positive).", nameof(lengthWeights));
        if (matchDecay.Upper > 1 || gapDecay.Upper > 1)
            throw new ArgumentOutOfRangeException(nameof(matchDecay), $"[{matchDecay.Upper}, {gapDecay.Upper}]", "The decays' upper bounds must be at most 1.");
        _hyperparameters = all;
        MaxLength = lengthWeights.Count;
    }

    /// <summary>The longest sub-sequence compared, L.</summary>
    public int MaxLength { get; }

    /// <inheritdoc />
    public IReadOnlyList<Hyperparameter> Hyperparameters => _hyperparameters;

    /// <summary>The amplitude a.</summary>
    public Hyperparameter Amplitude => _hyperparameters[AmplitudeIndex];

    /// <summary>The match decay m.</summary>
    public Hyperparameter MatchDecay => _hyperparameters[MatchIndex];

    /// <summary>The gap decay g.</summary>
    public Hyperparameter GapDecay => _hyperparameters[GapIndex];

    /// <summary>The weight of sub-sequences of length <paramref name="length"/> (1 … L).</summary>
    public Hyperparameter LengthWeight(int length) => _hyperparameters[FirstWeightIndex + length - 1];

    /// <summary>
    /// The unnormalised kernels k_n(s, t), n = 1 … <paramref name="maxLength"/>: the sum over common sub-sequences of
    /// length n and their occurrences of m^(2n) g^(gaps), gaps counting the tokens skipped inside both occurrences.
    /// </summary>
    /// <param name="s">The first sequence.</param>
    /// <param name="t">The second sequence.</param>
    /// <param name="maxLength">The longest length; at least 1.</param>
    /// <param name="matchDecay">m; positive and finite (values above 1 are allowed here).</param>
    /// <param name="gapDecay">g; positive and finite.</param>
    public static double[] Unnormalised(IReadOnlyList<string> s, IReadOnlyList<string> t, int maxLength, double matchDecay, double gapDecay)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(t);
        if (maxLength < 1) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "maxLength must be at least 1.");
        if (!(matchDecay > 0 && double.IsFinite(matchDecay))) throw new ArgumentOutOfRangeException(nameof(matchDecay), matchDecay, "The match decay must be positive and finite.");
        if (!(gapDecay > 0 && double.IsFinite(gapDecay))) throw new ArgumentOutOfRangeException(nameof(gapDecay), gapDecay, "The gap decay must be positive and finite.");
        var values = new double[maxLength];
        var ids = SubsequenceDynamicProgram.TokenIds([s, t]);
        new SubsequenceDynamicProgram(maxLength).Evaluate(ids[0], ids[1], matchDecay, gapDecay, values, default, default);
        return values;
    }

    /// <inheritdoc />
    public Matrix<double> Covariance(IReadOnlyList<IReadOnlyList<string>> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var n = x.Count;
        var program = new SubsequenceDynamicProgram(MaxLength);
        var ids = SubsequenceDynamicProgram.TokenIds(x);
        var selves = SelfTerms(ids, program, withGradient: false);
        var weights = NormalisedWeights();
        var pair = new double[MaxLength];
        var storage = new double[n * n];
        var a = Amplitude.Value;
        for (var j = 0; j < n; j++)
        {
            storage[j * n + j] = a * Combine(selves[j].Values, selves[j], selves[j], weights);
            for (var i = j + 1; i < n; i++)
            {
                program.Evaluate(ids[i], ids[j], MatchDecay.Value, GapDecay.Value, pair, default, default);
                var k = a * Combine(pair, selves[i], selves[j], weights);
                storage[j * n + i] = k;
                storage[i * n + j] = k;
            }
        }
        return Matrix<double>.Build.Dense(n, n, storage);
    }

    /// <inheritdoc />
    public Matrix<double> CrossCovariance(IReadOnlyList<IReadOnlyList<string>> a, IReadOnlyList<IReadOnlyList<string>> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var program = new SubsequenceDynamicProgram(MaxLength);
        var ids = SubsequenceDynamicProgram.TokenIds(a, b);
        var idsA = ids[..a.Count];
        var idsB = ids[a.Count..];
        var selvesA = SelfTerms(idsA, program, withGradient: false);
        var selvesB = SelfTerms(idsB, program, withGradient: false);
        var weights = NormalisedWeights();
        var pair = new double[MaxLength];
        var storage = new double[a.Count * b.Count];
        var amplitude = Amplitude.Value;
        for (var j = 0; j < b.Count; j++)
        {
            for (var i = 0; i < a.Count; i++)
            {
                program.Evaluate(idsA[i], idsB[j], MatchDecay.Value, GapDecay.Value, pair, default, default);
                storage[j * a.Count + i] = amplitude * Combine(pair, selvesA[i], selvesB[j], weights);
            }
        }
        return Matrix<double>.Build.Dense(a.Count, b.Count, storage);
    }

    /// <inheritdoc />
    public double Variance(IReadOnlyList<string> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var self = SelfTerms(SubsequenceDynamicProgram.TokenIds([x]), new SubsequenceDynamicProgram(MaxLength), withGradient: false)[0];
        return Amplitude.Value * Combine(self.Values, self, self, NormalisedWeights());
    }

    /// <inheritdoc />
    public void CovarianceGradient(IReadOnlyList<IReadOnlyList<string>> x, Matrix<double> weights, Span<double> gradient)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weights);
        var n = x.Count;
        var length = MaxLength;
        var program = new SubsequenceDynamicProgram(length);
        var ids = SubsequenceDynamicProgram.TokenIds(x);
        var selves = SelfTerms(ids, program, withGradient: true);
        var lengthWeights = NormalisedWeights();
        var w = weights.AsColumnMajorArray() ?? weights.ToColumnMajorArray();
        var a = Amplitude.Value;
        var m = MatchDecay.Value;
        var g = GapDecay.Value;
        var pair = new double[length];
        var pairM = new double[length];
        var pairG = new double[length];
        var normalised = new double[length];
        double amplitudeSum = 0, matchSum = 0, gapSum = 0;
        var weightSums = new double[length];
        for (var j = 0; j < n; j++)
        {
            for (var i = j; i < n; i++)
            {
                // Weights are symmetric: each off-diagonal pair counts twice.
                var wij = i == j ? w[j * n + j] : w[j * n + i] + w[i * n + j];
                if (wij == 0) continue;
                var si = selves[i];
                var sj = selves[j];
                if (i == j)
                {
                    si.Values.CopyTo(pair, 0);
                    si.ByMatch.CopyTo(pairM, 0);
                    si.ByGap.CopyTo(pairG, 0);
                }
                else
                {
                    program.Evaluate(ids[i], ids[j], m, g, pair, pairM, pairG);
                }
                double combined = 0, byMatch = 0, byGap = 0;
                for (var l = 0; l < length; l++)
                {
                    var norm = si.Norms[l] * sj.Norms[l];
                    if (norm == 0)
                    {
                        normalised[l] = 0;
                        continue;
                    }
                    // d(k / √(k_ss k_tt)) = dk / √(..) − ½ k̂ (dk_ss / k_ss + dk_tt / k_tt).
                    var kHat = pair[l] / norm;
                    normalised[l] = kHat;
                    combined += lengthWeights[l] * kHat;
                    byMatch += lengthWeights[l] * (pairM[l] / norm - 0.5 * kHat * (si.ByMatch[l] / si.Values[l] + sj.ByMatch[l] / sj.Values[l]));
                    byGap += lengthWeights[l] * (pairG[l] / norm - 0.5 * kHat * (si.ByGap[l] / si.Values[l] + sj.ByGap[l] / sj.Values[l]));
                }
                amplitudeSum += wij * a * combined;
                // Theta is log m (log g): d/dθ = m d/dm.
                matchSum += wij * a * m * byMatch;
                gapSum += wij * a * g * byGap;
                // With normalised weights v_l = w_l / W: d v_k / d log w_l = v_l (δ_kl − v_k), so
                // d k / d log w_l = a v_l (k̂_l − Σ_k v_k k̂_k).
                for (var l = 0; l < length; l++)
                    weightSums[l] += wij * a * lengthWeights[l] * (normalised[l] - combined);
            }
        }
        gradient[AmplitudeIndex] = amplitudeSum;
        gradient[MatchIndex] = matchSum;
        gradient[GapIndex] = gapSum;
        for (var l = 0; l < length; l++) gradient[FirstWeightIndex + l] = weightSums[l];
    }

    /// <inheritdoc />
    public IKernel<IReadOnlyList<string>> Clone() =>
        new SubsequenceStringKernel(Amplitude.Clone(), MatchDecay.Clone(), GapDecay.Clone(), _hyperparameters.Skip(FirstWeightIndex).Select(h => h.Clone()).ToArray());

    /// <inheritdoc />
    public override string ToString() => $"SubsequenceStringKernel({string.Join(", ", _hyperparameters.Select(h => h.ToString()))})";

    // Σ_n v_n k_n / (norm_s,n norm_t,n), skipping lengths one of the sequences is too short for.
    private static double Combine(double[] pair, SelfTerm s, SelfTerm t, double[] weights)
    {
        double sum = 0;
        for (var l = 0; l < weights.Length; l++)
        {
            var norm = s.Norms[l] * t.Norms[l];
            if (norm > 0) sum += weights[l] * pair[l] / norm;
        }
        return sum;
    }

    private double[] NormalisedWeights()
    {
        var weights = new double[MaxLength];
        double total = 0;
        for (var l = 0; l < weights.Length; l++) total += weights[l] = LengthWeight(l + 1).Value;
        for (var l = 0; l < weights.Length; l++) weights[l] /= total;
        return weights;
    }

    private SelfTerm[] SelfTerms(int[][] x, SubsequenceDynamicProgram program, bool withGradient)
    {
        var result = new SelfTerm[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var s = x[i];
            var term = new SelfTerm(MaxLength, withGradient);
            program.Evaluate(s, s, MatchDecay.Value, GapDecay.Value, term.Values, term.ByMatch, term.ByGap);
            for (var l = 0; l < MaxLength; l++) term.Norms[l] = Math.Sqrt(term.Values[l]);
            result[i] = term;
        }
        return result;
    }

    // k_n(s, s) for every length, its square root and (optionally) its derivatives by the decays.
    private sealed class SelfTerm(int length, bool withGradient)
    {
        public double[] Values { get; } = new double[length];
        public double[] Norms { get; } = new double[length];
        public double[] ByMatch { get; } = withGradient ? new double[length] : [];
        public double[] ByGap { get; } = withGradient ? new double[length] : [];
    }
}
