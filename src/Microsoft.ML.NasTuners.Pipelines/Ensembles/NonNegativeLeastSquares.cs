using MathNet.Numerics.LinearAlgebra;

namespace Microsoft.ML.NasTuners.Pipelines.Ensembles;

/// <summary>
/// Least squares with non-negative weights and a free intercept, y ≈ b + Σ wᵢ xᵢ with every wᵢ ≥ 0: the combiner of
/// stacked regressions (Breiman 1996), where unconstrained weights on highly correlated members overfit by cancelling
/// each other. An ensemble has a handful of members, so every support (which weights may be non-zero) is solved by
/// ordinary least squares and the best feasible one kept: exact, with no iteration to tune.
/// </summary>
internal static class NonNegativeLeastSquares
{
    /// <summary>The most members this exact method takes (2^n supports).</summary>
    public const int MaxColumns = 12;

    public static (double[] Weights, double Intercept) Fit(IReadOnlyList<double[]> rows, IReadOnlyList<double> targets)
    {
        if (rows.Count == 0 || rows.Count != targets.Count) throw new ArgumentException("Need as many targets as rows, and at least one.", nameof(targets));
        var columns = rows[0].Length;
        if (columns > MaxColumns) throw new ArgumentException($"At most {MaxColumns} columns; {columns} given.", nameof(rows));
        var y = Vector<double>.Build.DenseOfEnumerable(targets);
        var best = (Weights: new double[columns], Intercept: targets.Average());
        var bestError = SquaredError(rows, targets, best.Weights, best.Intercept);
        for (var support = 1; support < 1 << columns; support++)
        {
            var chosen = Enumerable.Range(0, columns).Where(c => (support & (1 << c)) != 0).ToArray();
            var design = Matrix<double>.Build.Dense(rows.Count, chosen.Length + 1, (r, c) => c == 0 ? 1 : rows[r][chosen[c - 1]]);
            Vector<double> solution;
            try { solution = design.QR().Solve(y); }
            catch (ArgumentException) { continue; } // rank-deficient: a smaller support covers it
            if (solution.Skip(1).Any(w => !(w >= 0))) continue;
            var weights = new double[columns];
            for (var i = 0; i < chosen.Length; i++) weights[chosen[i]] = solution[i + 1];
            var error = SquaredError(rows, targets, weights, solution[0]);
            if (error < bestError) (best, bestError) = ((weights, solution[0]), error);
        }
        return best;
    }

    private static double SquaredError(IReadOnlyList<double[]> rows, IReadOnlyList<double> targets, double[] weights, double intercept)
    {
        var sum = 0.0;
        for (var r = 0; r < rows.Count; r++)
        {
            var prediction = intercept;
            for (var c = 0; c < weights.Length; c++) prediction += weights[c] * rows[r][c];
            sum += (targets[r] - prediction) * (targets[r] - prediction);
        }
        return sum;
    }
}
