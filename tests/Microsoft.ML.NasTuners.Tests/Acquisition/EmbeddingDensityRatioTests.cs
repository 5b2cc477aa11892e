using Microsoft.ML.NasTuners.Acquisition;
using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.Tests.Acquisition;

public class EmbeddingDensityRatioTests
{
    // A point is its feature set, written "a,b"; the embedding counts each named feature once.
    private sealed class LetterEmbedding : IArchitectureEmbedding
    {
        public IReadOnlyDictionary<string, double> Embed(Parameter parameter) =>
            parameter["features"].AsString().Split(',', StringSplitOptions.RemoveEmptyEntries).ToDictionary(f => f, _ => 1.0);
    }

    private static Parameter Point(string features) => Parameter.CreateNestedParameter(KeyValuePair.Create("features", Parameter.FromString(features)));

    private static readonly Random Random = new(0);

    [Fact]
    public void A_feature_of_the_good_trials_scores_higher_than_one_of_the_bad()
    {
        var ratio = new EmbeddingDensityRatio(new LetterEmbedding(), gamma: _ => 2);
        ratio.Fit([Point("a,x"), Point("a,y"), Point("b,x"), Point("b,y"), Point("b")], [1, 2, 5, 6, 7], [], Random);

        var scores = ratio.Score([Point("a"), Point("b"), Point("a,x"), Point("")]);

        ratio.GoodCount.Should().Be(2);
        scores[0].Should().BeGreaterThan(scores[3]).And.BeGreaterThan(scores[1]);
        scores[3].Should().BeGreaterThan(scores[1], "having b is worse than having nothing");
    }

    [Fact]
    public void The_score_is_the_sum_over_features_of_the_smoothed_log_ratio()
    {
        // Good: {a}; bad: {b}, {}. Feature a takes values {1, 0}, so K = 3 with the unseen bucket; the same for b.
        var ratio = new EmbeddingDensityRatio(new LetterEmbedding(), gamma: _ => 1, priorWeight: 1);
        ratio.Fit([Point("a"), Point("b"), Point("")], [1, 2, 3], [], Random);

        static double P(int count, int n) => (count + 1.0 / 3) / (n + 1);
        // Candidate {a}: a = 1 (good 1 of 1, bad 0 of 2), b = 0 (good 1 of 1, bad 1 of 2).
        var expected = Math.Log(P(1, 1) / P(0, 2)) + Math.Log(P(1, 1) / P(1, 2));

        ratio.Score([Point("a")])[0].Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void A_pending_trial_counts_as_bad_so_its_copies_score_lower()
    {
        var points = new[] { Point("a"), Point("b"), Point("c"), Point("d") };
        double[] losses = [1, 2, 3, 4];
        var free = new EmbeddingDensityRatio(new LetterEmbedding(), gamma: _ => 1);
        var busy = new EmbeddingDensityRatio(new LetterEmbedding(), gamma: _ => 1);
        free.Fit(points, losses, [], Random);
        busy.Fit(points, losses, [Point("a")], Random);

        busy.Score([Point("a")])[0].Should().BeLessThan(free.Score([Point("a")])[0]);
    }

    [Fact]
    public void Bad_input_is_refused_with_a_clear_error()
    {
        var ratio = new EmbeddingDensityRatio(new LetterEmbedding());
        ratio.Invoking(r => r.Score([Point("a")])).Should().Throw<InvalidOperationException>().WithMessage("*Fit*");
        ratio.Invoking(r => r.Fit([Point("a")], [1, 2], [], Random)).Should().Throw<ArgumentException>().WithParameterName("losses");
        var act = () => new EmbeddingDensityRatio(new LetterEmbedding(), priorWeight: 0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("priorWeight");
    }
}
