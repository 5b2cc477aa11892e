namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>
/// The Aitchison-Aitken kernel of an unordered categorical with c values (Aitchison and Aitken, Biometrika 1976):
/// k(x | x_i) = 1 - λ when x = x_i and λ / (c - 1) otherwise, with λ in [0, (c - 1)/c]; λ = 0 puts all the mass on
/// x_i, λ = (c - 1)/c is uniform. It sums to one over the c values.
/// </summary>
internal static class AitchisonAitkenKernel
{
    /// <summary>The largest meaningful bandwidth, (c - 1)/c: the uniform kernel.</summary>
    public static double MaxBandwidth(int choiceCount) => choiceCount <= 1 ? 0 : (choiceCount - 1.0) / choiceCount;

    /// <summary>k(x | centre).</summary>
    public static double Probability(int x, int centre, double bandwidth, int choiceCount) =>
        choiceCount <= 1 ? 1 : x == centre ? 1 - bandwidth : bandwidth / (choiceCount - 1);

    /// <summary>A draw: the centre with probability 1 - λ, otherwise one of the other values uniformly.</summary>
    public static int Sample(Random random, int centre, double bandwidth, int choiceCount)
    {
        if (choiceCount <= 1 || random.NextDouble() >= bandwidth)
            return centre;
        var other = random.Next(choiceCount - 1);
        return other >= centre ? other + 1 : other;
    }
}
