using System.Globalization;

namespace Microsoft.ML.NasTuners.Pipelines.Ensembles;

/// <summary>The combiner of a regression ensemble: <see cref="NonNegativeLeastSquares"/> fitted on the members' scores,
/// applied as ML.NET's <c>Expression</c> transform (Score = b + Σ wᵢ · memberᵢ), so the model saves and loads with
/// ML.NET's own components.</summary>
internal sealed class NonNegativeStackedRegression(MLContext context, string labelColumnName, IReadOnlyList<string> memberColumns) : IEstimator<ITransformer>
{
    public ITransformer Fit(IDataView input)
    {
        var targets = input.GetColumn<float>(labelColumnName).Select(v => (double)v).ToList();
        var members = memberColumns.Select(c => input.GetColumn<float>(c).ToArray()).ToArray();
        var rows = Enumerable.Range(0, targets.Count).Select(r => members.Select(m => (double)m[r]).ToArray()).ToList();
        var (weights, intercept) = NonNegativeLeastSquares.Fit(rows, targets);
        return Combination(weights, intercept).Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        Combination(new double[memberColumns.Count], 0).GetOutputSchema(inputSchema);

    private IEstimator<ITransformer> Combination(double[] weights, double intercept)
    {
        var parameters = Enumerable.Range(0, memberColumns.Count).Select(i => $"m{i}").ToArray();
        var terms = parameters.Select((p, i) => $"{Number(weights[i])} * {p}");
        var expression = $"({string.Join(", ", parameters)}) => {Number(intercept)} + {string.Join(" + ", terms)}";
        return context.Transforms.Expression("Score", expression, memberColumns.ToArray());
    }

    // A literal the expression language reads as a float: a decimal point, no exponent, a negative one bracketed.
    private static string Number(double value)
    {
        var text = value.ToString("0.0###############", CultureInfo.InvariantCulture);
        return value < 0 ? $"({text})" : text;
    }
}
