using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML.NasTuners.Pipelines.Data;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.NasTuners.Pipelines.Featurization;

/// <summary>
/// The featurisation inferred from the training data's columns: a <see cref="ColumnPlan"/> per feature column, and
/// the ML.NET estimator that turns the user's columns into one <c>Features</c> vector. The estimator starts from the
/// user's column types (numbers of any kind are converted to <c>Single</c>), so the fitted model scores the user's own
/// rows, with or without the label.
/// </summary>
internal sealed class Featurizer
{
    private readonly IReadOnlyList<FeatureColumn> _columns;

    private Featurizer(IReadOnlyList<FeatureColumn> columns, IReadOnlyList<ColumnPlan> plans)
    {
        _columns = columns;
        Plans = plans;
    }

    public IReadOnlyList<ColumnPlan> Plans { get; }

    /// <summary>Chooses each column's treatment from its values in <paramref name="training"/>.</summary>
    public static Featurizer Infer(Table training, IReadOnlyList<FeatureColumn> columns, FeaturizationRules rules)
    {
        var plans = new List<ColumnPlan>();
        foreach (var column in columns)
        {
            var values = training[column.Name].Values;
            if (column.IsNumeric)
            {
                var missing = ((float[])values).Count(float.IsNaN);
                plans.Add(missing > 0
                    ? new ColumnPlan(column.Name, ColumnTreatment.NumericWithMissingIndicator, $"{missing} missing")
                    : new ColumnPlan(column.Name, ColumnTreatment.Numeric, "no missing"));
                continue;
            }
            var text = ((ReadOnlyMemory<char>[])values).Select(v => v.ToString()).ToArray();
            var cardinality = text.Distinct().Count();
            var words = text.Length == 0 ? 0 : text.Average(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            var reason = string.Create(CultureInfo.InvariantCulture, $"{cardinality} values, {words:0.#} words each");
            var treatment = words >= rules.MinTextWordsPerValue ? ColumnTreatment.Text
                : cardinality <= rules.MaxOneHotCardinality ? ColumnTreatment.OneHot
                : ColumnTreatment.OneHotHash;
            plans.Add(new ColumnPlan(column.Name, treatment, reason));
        }
        return new Featurizer(columns, plans) { HashBits = rules.HashBits };
    }

    private int HashBits { get; init; }

    /// <summary>The estimator writing <paramref name="featuresColumn"/>. It writes only columns of its own (the user's
    /// columns are read, never replaced), so the pipelines of an ensemble, applied one after another to the same rows,
    /// each see the user's values.</summary>
    public IEstimator<ITransformer> Build(MLContext context, string featuresColumn)
    {
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        var converted = _columns.Where(c => c.NeedsConversion).Select(c => c.Name).ToHashSet();
        if (converted.Count > 0)
            chain = chain.Append(context.Transforms.Conversion.ConvertType(
                converted.Select(n => new InputOutputColumnPair(NumberColumn(n), n)).ToArray(), DataKind.Single));
        var outputs = new List<string>();
        foreach (var plan in Plans)
        {
            var name = plan.Name;
            var number = converted.Contains(name) ? NumberColumn(name) : name;
            switch (plan.Treatment)
            {
                case ColumnTreatment.NumericWithMissingIndicator:
                    var indicator = $"{name}__missing";
                    chain = chain.Append(context.Transforms.IndicateMissingValues(indicator, number))
                        .Append(context.Transforms.Conversion.ConvertType(indicator, indicator, DataKind.Single));
                    outputs.Add(indicator);
                    goto case ColumnTreatment.Numeric;
                case ColumnTreatment.Numeric:
                    // Always replaced: a value missing only in new rows must not reach a linear model as NaN.
                    chain = chain.Append(context.Transforms.ReplaceMissingValues(NumberColumn(name), number, MissingValueReplacingEstimator.ReplacementMode.Mean));
                    outputs.Add(NumberColumn(name));
                    break;
                case ColumnTreatment.OneHot:
                    chain = chain.Append(context.Transforms.Categorical.OneHotEncoding($"{name}__onehot", name));
                    outputs.Add($"{name}__onehot");
                    break;
                case ColumnTreatment.OneHotHash:
                    chain = chain.Append(context.Transforms.Categorical.OneHotHashEncoding($"{name}__hash", name, numberOfBits: HashBits));
                    outputs.Add($"{name}__hash");
                    break;
                case ColumnTreatment.Text:
                    chain = chain.Append(context.Transforms.Text.FeaturizeText($"{name}__text", name));
                    outputs.Add($"{name}__text");
                    break;
            }
        }
        return chain.Append(context.Transforms.Concatenate(featuresColumn, outputs.ToArray()));
    }

    // A numeric feature as the trainers read it: converted to Single, missing values replaced.
    private static string NumberColumn(string name) => $"{name}__number";

    /// <summary>One line per treatment, for the pipeline description.</summary>
    public string Describe() => string.Join("; ", Plans.GroupBy(p => p.Treatment).Select(g =>
        $"{g.Key} ({g.Count()}): {string.Join(", ", g.Take(6).Select(p => p.Name))}{(g.Count() > 6 ? ", ..." : "")}"));
}
