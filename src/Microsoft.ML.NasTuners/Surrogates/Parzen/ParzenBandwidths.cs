namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>Bandwidths of the kernels of one numeric dimension, in warped units.</summary>
internal static class ParzenBandwidths
{
    /// <summary>Fills <paramref name="sigma"/> (one per centre; the prior's centre last) by the chosen rule, then clips
    /// every observation's bandwidth into [minimum, range] and sets the prior's to the range.</summary>
    /// <param name="centres">Warped centres: the observations, then the prior's centre.</param>
    /// <param name="lower">The warped lower end.</param>
    /// <param name="upper">The warped upper end.</param>
    /// <param name="estimatorDimensions">The number of dimensions of the estimator (for <see cref="ParzenBandwidthRule.Scott"/>).</param>
    /// <param name="options">The rule and its clipping.</param>
    /// <param name="sigma">The bandwidths written.</param>
    /// <param name="provisional">Null, or one flag per observation (not for the prior): provisional centres are no
    /// one's neighbours under <see cref="ParzenBandwidthRule.NeighbourGaps"/> (see
    /// <see cref="ParzenEstimator.Fit(IReadOnlyList{Dimension}, ReadOnlySpan{double}, ReadOnlySpan{double}, ParzenEstimatorOptions?, ReadOnlySpan{bool})"/>);
    /// they still count among the kernels of the magic clip.</param>
    public static void Compute(double[] centres, double lower, double upper, int estimatorDimensions, ParzenEstimatorOptions options, double[] sigma,
        bool[]? provisional = null)
    {
        var range = upper - lower;
        var components = centres.Length;
        var observations = components - 1;
        if (options.Bandwidth == ParzenBandwidthRule.Scott)
        {
            var scott = 0.2 * range * Math.Pow(Math.Max(observations, 1), -1.0 / (estimatorDimensions + 4));
            Array.Fill(sigma, scott, 0, observations);
        }
        else
        {
            if (provisional is null) NeighbourGaps(centres, lower, upper, options.ConsiderEndpoints, sigma);
            else NeighbourGapsWithProvisional(centres, lower, upper, options.ConsiderEndpoints, sigma, provisional);
        }
        // Bergstra's clip: with few kernels, no kernel narrower than range / (kernels + 1), at most a hundredth of it.
        var minimum = options.ConsiderMagicClip ? range / Math.Min(100.0, 1.0 + components) : range * 1e-12;
        for (var k = 0; k < observations; k++)
            sigma[k] = double.IsNaN(sigma[k]) ? range : Math.Clamp(sigma[k], minimum, range);
        sigma[observations] = range;
    }

    /// <summary>Neighbour gaps among the non-provisional centres (the prior's included); each provisional centre gets
    /// the larger of its gaps to the nearest non-provisional centres on either side.</summary>
    private static void NeighbourGapsWithProvisional(double[] centres, double lower, double upper, bool considerEndpoints, double[] sigma,
        bool[] provisional)
    {
        var firm = new List<int>(centres.Length);
        for (var i = 0; i < centres.Length; i++)
        {
            if (i >= provisional.Length || !provisional[i]) firm.Add(i);
        }
        var firmCentres = new double[firm.Count];
        for (var j = 0; j < firm.Count; j++) firmCentres[j] = centres[firm[j]];
        var firmSigma = new double[firm.Count];
        NeighbourGaps(firmCentres, lower, upper, considerEndpoints, firmSigma);
        for (var j = 0; j < firm.Count; j++) sigma[firm[j]] = firmSigma[j];

        Array.Sort(firmCentres);
        for (var i = 0; i < provisional.Length; i++)
        {
            if (!provisional[i]) continue;
            var c = centres[i];
            var at = Array.BinarySearch(firmCentres, c);
            // firmCentres[at - 1] <= c <= firmCentres[at] (an exact hit leaves a zero gap, clipped up by the caller).
            if (at < 0) at = ~at;
            var left = at > 0 ? c - firmCentres[at - 1] : considerEndpoints ? c - lower : double.NaN;
            var right = at < firmCentres.Length ? firmCentres[at] - c : considerEndpoints ? upper - c : double.NaN;
            sigma[i] = double.IsNaN(left) ? right : double.IsNaN(right) ? left : Math.Max(left, right);
        }
    }

    private static void NeighbourGaps(double[] centres, double lower, double upper, bool considerEndpoints, double[] sigma)
    {
        var n = centres.Length;
        var sorted = (double[])centres.Clone();
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        Array.Sort(sorted, order);
        for (var j = 0; j < n; j++)
        {
            var left = j > 0 ? sorted[j] - sorted[j - 1] : considerEndpoints ? sorted[j] - lower : double.NaN;
            var right = j < n - 1 ? sorted[j + 1] - sorted[j] : considerEndpoints ? upper - sorted[j] : double.NaN;
            // A lone centre without endpoints has no neighbour: NaN here, clipped up to the range by the caller.
            sigma[order[j]] = double.IsNaN(left) ? right : double.IsNaN(right) ? left : Math.Max(left, right);
        }
    }
}
