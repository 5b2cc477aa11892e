namespace Microsoft.ML.NasTuners.Tuners.Gp;

/// <summary>Latin hypercube designs in the unit cube: every coordinate hits each of n equal strata once. The design
/// kept is the one, of a few drawn, whose closest pair of points is farthest apart (maximin), so the GP's first data
/// cover the space evenly.</summary>
internal static class LatinHypercube
{
    public static double[][] Sample(int count, int dimension, Random random, int tries = 20)
    {
        double[][]? best = null;
        var bestDistance = double.NegativeInfinity;
        for (var t = 0; t < tries; t++)
        {
            var design = Draw(count, dimension, random);
            var distance = MinimumSquaredDistance(design);
            if (distance > bestDistance)
            {
                bestDistance = distance;
                best = design;
            }
        }
        return best!;
    }

    private static double[][] Draw(int count, int dimension, Random random)
    {
        var design = new double[count][];
        for (var i = 0; i < count; i++) design[i] = new double[dimension];
        var strata = new int[count];
        for (var c = 0; c < dimension; c++)
        {
            for (var i = 0; i < count; i++) strata[i] = i;
            random.Shuffle(strata);
            for (var i = 0; i < count; i++) design[i][c] = (strata[i] + random.NextDouble()) / count;
        }
        return design;
    }

    private static double MinimumSquaredDistance(double[][] design)
    {
        var min = double.PositiveInfinity;
        for (var i = 0; i < design.Length; i++)
        {
            for (var j = i + 1; j < design.Length; j++)
            {
                double sum = 0;
                for (var c = 0; c < design[i].Length; c++)
                {
                    var diff = design[i][c] - design[j][c];
                    sum += diff * diff;
                }
                min = Math.Min(min, sum);
            }
        }
        return min;
    }
}
