namespace Microsoft.ML.NasTuners.Pipelines.Validation;

/// <summary>Seeded, stratified row splits: each stratum (a class, or every row for regression) is shuffled and dealt
/// out on its own, so every fold and every fraction keeps the class proportions.</summary>
internal static class StratifiedSplits
{
    /// <summary>The (training rows, validation rows) of each fold of <paramref name="validation"/>.</summary>
    public static IReadOnlyList<(int[] Train, int[] Valid)> Folds(IReadOnlyList<int> strata, PipelineValidation validation, int seed)
    {
        var random = new Random(seed);
        var fold = new int[strata.Count];
        var folds = validation.IsCrossValidation ? validation.Folds : 2;
        foreach (var stratum in Shuffled(strata, random))
        {
            if (validation.IsCrossValidation)
                for (var i = 0; i < stratum.Count; i++) fold[stratum[i]] = i % folds;
            else
            {
                // Fold 0 is the holdout: at least one row of each class that has two.
                var held = stratum.Count < 2 ? 0 : Math.Max(1, (int)Math.Round(stratum.Count * validation.HoldoutFraction));
                for (var i = 0; i < stratum.Count; i++) fold[stratum[i]] = i < held ? 0 : 1;
            }
        }
        var count = validation.IsCrossValidation ? folds : 1;
        return Enumerable.Range(0, count).Select(f => (
            Enumerable.Range(0, strata.Count).Where(r => fold[r] != f).ToArray(),
            Enumerable.Range(0, strata.Count).Where(r => fold[r] == f).ToArray())).ToArray();
    }

    /// <summary>A <paramref name="fraction"/> of <paramref name="rows"/>, stratified, at least one row of each stratum,
    /// in the original row order. The same seed picks the same rows, so trials at one budget see the same data.</summary>
    public static int[] Subsample(IReadOnlyList<int> rows, IReadOnlyList<int> strata, double fraction, int seed)
    {
        if (fraction >= 1) return rows.ToArray();
        var random = new Random(seed);
        var rowStrata = rows.Select(r => strata[r]).ToArray();
        var picked = new List<int>();
        foreach (var stratum in Shuffled(rowStrata, random))
        {
            var take = Math.Max(1, (int)Math.Ceiling(stratum.Count * fraction));
            picked.AddRange(stratum.Take(take).Select(i => rows[i]));
        }
        picked.Sort();
        return picked.ToArray();
    }

    // The indices of each stratum, each list shuffled, strata in ascending order so the draw does not depend on row order.
    private static IEnumerable<List<int>> Shuffled(IReadOnlyList<int> strata, Random random)
    {
        foreach (var group in Enumerable.Range(0, strata.Count).GroupBy(i => strata[i]).OrderBy(g => g.Key))
        {
            var indices = group.ToList();
            for (var i = indices.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (indices[i], indices[j]) = (indices[j], indices[i]);
            }
            yield return indices;
        }
    }
}
