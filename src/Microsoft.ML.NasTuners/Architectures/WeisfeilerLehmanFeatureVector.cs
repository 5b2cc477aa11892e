namespace Microsoft.ML.NasTuners.Architectures;

/// <summary>
/// The Weisfeiler-Lehman features of one graph: how often each refined node label occurs, per refinement iteration
/// (iteration 0 counts the original labels). Labels are ids issued by the <see cref="WeisfeilerLehmanFeatures"/> that
/// made the vector, so only vectors of the same extractor can be compared. Entries are sorted by id.
/// </summary>
public sealed class WeisfeilerLehmanFeatureVector
{
    internal WeisfeilerLehmanFeatureVector(int[] ids, double[] counts, int[] iterations, int iterationCount)
    {
        Ids = ids;
        Counts = counts;
        Iterations = iterations;
        var norms = new double[iterationCount];
        for (var e = 0; e < ids.Length; e++) norms[iterations[e]] += counts[e] * counts[e];
        SquaredNorms = norms;
    }

    /// <summary>The label ids present, ascending.</summary>
    public IReadOnlyList<int> Ids { get; }

    /// <summary>The count of each label in <see cref="Ids"/>.</summary>
    public IReadOnlyList<double> Counts { get; }

    /// <summary>The iteration at which each label in <see cref="Ids"/> arises.</summary>
    public IReadOnlyList<int> Iterations { get; }

    /// <summary>Per iteration, the squared norm of that iteration's counts.</summary>
    public IReadOnlyList<double> SquaredNorms { get; }

    /// <summary>Adds the dot product of this vector's and <paramref name="other"/>'s counts of each iteration into
    /// <paramref name="perIteration"/> (labels of different iterations never match).</summary>
    public void AddDotProducts(WeisfeilerLehmanFeatureVector other, Span<double> perIteration)
    {
        ArgumentNullException.ThrowIfNull(other);
        var ids = (int[])Ids;
        var otherIds = (int[])other.Ids;
        var counts = (double[])Counts;
        var otherCounts = (double[])other.Counts;
        var iterations = (int[])Iterations;
        int e = 0, f = 0;
        while (e < ids.Length && f < otherIds.Length)
        {
            var d = ids[e] - otherIds[f];
            if (d == 0)
            {
                perIteration[iterations[e]] += counts[e] * otherCounts[f];
                e++;
                f++;
            }
            else if (d < 0) e++;
            else f++;
        }
    }
}
