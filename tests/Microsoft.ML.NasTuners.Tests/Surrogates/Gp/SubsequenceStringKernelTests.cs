using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Gp;

public class SubsequenceStringKernelTests
{
    private static string[] Characters(string s) => s.Select(c => c.ToString()).ToArray();

    [Theory]
    [InlineData(2.0, 504.0)]
    [InlineData(0.8, 5.943705)]
    public void The_unnormalised_kernel_of_cata_and_gatta_summed_over_lengths_1_to_5_has_the_published_value(double decay, double expected)
    {
        var perLength = SubsequenceStringKernel.Unnormalised(Characters("cata"), Characters("gatta"), 5, decay, decay);

        // The reference value is given to six decimals (truncated).
        perLength.Sum().Should().BeApproximately(expected, 1e-6);
    }

    [Fact]
    public void The_unnormalised_kernel_agrees_with_counting_occurrences_by_brute_force()
    {
        // Separate decays: each common occurrence pair weighs m^(2n) g^(gaps in s + gaps in t).
        var s = Characters("abcab");
        var t = Characters("bacbba");
        const double m = 0.7, g = 0.4;
        var perLength = SubsequenceStringKernel.Unnormalised(s, t, 4, m, g);
        for (var n = 1; n <= 4; n++)
        {
            double expected = 0;
            foreach (var i in IndexSets(s.Length, n))
            foreach (var j in IndexSets(t.Length, n))
            {
                if (!Enumerable.Range(0, n).All(k => s[i[k]] == t[j[k]])) continue;
                var gaps = (i[^1] - i[0] + 1 - n) + (j[^1] - j[0] + 1 - n);
                expected += Math.Pow(m, 2 * n) * Math.Pow(g, gaps);
            }
            perLength[n - 1].Should().BeApproximately(expected, 1e-12, $"length {n}");
        }
    }

    [Fact]
    public void The_kernel_matrix_is_symmetric_positive_semi_definite_with_the_amplitude_on_the_diagonal()
    {
        var kernel = Kernel();
        var x = RandomSequences(30, seed: 1);
        var k = kernel.Covariance(x);

        k.Should().BeEquivalentTo(k.Transpose());
        k.Diagonal().Should().OnlyContain(v => Math.Abs(v - 1.3) < 1e-12);
        k.Evd(Symmetricity.Symmetric).EigenValues.Real().Minimum().Should().BeGreaterThan(-1e-10);
        kernel.CrossCovariance(x.Take(3).ToArray(), x)[1, 7].Should().BeApproximately(k[1, 7], 1e-14);
        kernel.Variance(x[4]).Should().BeApproximately(1.3, 1e-12);
    }

    [Fact]
    public void Sequences_differing_in_one_token_are_closer_than_sequences_differing_in_three()
    {
        var kernel = Kernel();
        string[] a = ["conv3", "conv1", "skip", "pool", "conv3", "none"];
        string[] one = ["conv3", "conv1", "skip", "pool", "conv1", "none"];
        string[] three = ["pool", "conv1", "conv3", "pool", "conv1", "none"];

        var k = kernel.CrossCovariance([a], [one, three]);

        k[0, 0].Should().BeGreaterThan(k[0, 1]);
    }

    [Fact]
    public void The_marginal_likelihood_gradient_matches_finite_differences()
    {
        var x = RandomSequences(15, seed: 2);
        var y = x.Select(s => s.Count(t => t == "a") - 0.5 * s.Count(t => t == "c")).Select(v => (double)v).ToArray();
        var gp = new GaussianProcess<IReadOnlyList<string>>(new SubsequenceStringKernel(maxLength: 3));
        gp.Fit(x, y);
        var theta = gp.GetTheta();
        theta[1] = Math.Log(0.05);
        theta[2] = Math.Log(1.4);
        theta[3] = Math.Log(0.7); // match decay
        theta[4] = Math.Log(0.3); // gap decay
        theta[5] = Math.Log(2.0);
        theta[7] = Math.Log(0.5);
        GpTestData.LikelihoodGradientShouldMatchFiniteDifferences(gp, theta);
    }

    [Fact]
    public void Bad_arguments_name_the_parameter()
    {
        FluentActions.Invoking(() => new SubsequenceStringKernel(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxLength");
        FluentActions.Invoking(() => SubsequenceStringKernel.Unnormalised(["a"], ["a"], 2, 0, 0.5)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("matchDecay");
    }

    private static SubsequenceStringKernel Kernel()
    {
        var kernel = new SubsequenceStringKernel();
        kernel.Amplitude.Value = 1.3;
        kernel.MatchDecay.Value = 0.8;
        kernel.GapDecay.Value = 0.4;
        kernel.LengthWeight(2).Value = 2;
        return kernel;
    }

    // Sequences of 5 to 8 tokens over {a, b, c, d}.
    private static IReadOnlyList<string>[] RandomSequences(int count, int seed)
    {
        var random = new Random(seed);
        string[] alphabet = ["a", "b", "c", "d"];
        return Enumerable.Range(0, count)
            .Select(_ => (IReadOnlyList<string>)Enumerable.Range(0, random.Next(5, 9)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())
            .ToArray();
    }

    private static IEnumerable<int[]> IndexSets(int length, int size)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }
        for (var last = size - 1; last < length; last++)
        {
            foreach (var prefix in IndexSets(last, size - 1)) yield return [.. prefix, last];
        }
    }
}
