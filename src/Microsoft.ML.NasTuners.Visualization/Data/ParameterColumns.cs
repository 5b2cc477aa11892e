using System.Text.Json;
using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>
/// Reads the parameters of trials into columns. With the study's space, through its model view: one column per
/// dimension, with its log scale, bounds and choices, inactive branches as NaN. Without it, from each parameter's
/// JSON: nested keys joined by '.', a key whose values are all numbers is numeric (linear), any other is categorical.
/// </summary>
internal static class ParameterColumns
{
    public static IReadOnlyList<ParameterColumn> Of(StudyData study, IReadOnlyList<StudyTrial> trials) =>
        study.SearchSpace is { } space ? FromSpace(space.ModelView, trials) : FromJson(trials);

    private static IReadOnlyList<ParameterColumn> FromSpace(ModelView view, IReadOnlyList<StudyTrial> trials)
    {
        var rows = trials.Select(t => TryEncode(view, t.Parameter) ?? Enumerable.Repeat(double.NaN, view.Count).ToArray()).ToArray();
        return view.Dimensions.Select((d, i) =>
        {
            var values = rows.Select(r => r[i]).ToArray();
            return d.IsNumeric
                ? new ParameterColumn(d.Name, false, d.IsLog, d.Lower, d.Upper, [], values)
                : new ParameterColumn(d.Name, true, false, 0, d.ChoiceCount - 1, d.Choices.Select(Label).ToArray(), values);
        }).ToArray();
    }

    // A trial a user added by hand may not fit the space; it then shows as missing rather than stopping the report.
    private static double[]? TryEncode(ModelView view, Parameter parameter)
    {
        try
        {
            return view.Encode(parameter);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Label(Parameter choice) =>
        choice.Type == ParameterType.String ? choice.AsString() : choice.ToString();

    private static IReadOnlyList<ParameterColumn> FromJson(IReadOnlyList<StudyTrial> trials)
    {
        var flat = trials.Select(t => Flatten(t.Parameter)).ToArray();
        var keys = flat.SelectMany(f => f.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        var columns = new List<ParameterColumn>();
        foreach (var key in keys)
        {
            var cells = flat.Select(f => f.GetValueOrDefault(key)).ToArray();
            var present = cells.Where(c => c.ValueKind != JsonValueKind.Undefined).ToArray();
            if (present.All(c => c.ValueKind == JsonValueKind.Number))
            {
                var values = cells.Select(c => c.ValueKind == JsonValueKind.Number ? c.GetDouble() : double.NaN).ToArray();
                var seen = values.Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
                columns.Add(new ParameterColumn(key, false, false, seen.Min(), seen.Max(), [], values));
            }
            else
            {
                var labels = present.Select(Text).Distinct().Order(StringComparer.Ordinal).ToArray();
                var values = cells.Select(c => c.ValueKind == JsonValueKind.Undefined ? double.NaN : Array.IndexOf(labels, Text(c))).ToArray();
                columns.Add(new ParameterColumn(key, true, false, 0, labels.Length - 1, labels, values));
            }
        }
        return columns;
    }

    private static string Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();

    private static Dictionary<string, JsonElement> Flatten(Parameter parameter)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(parameter.ToString());
        Walk(document.RootElement.Clone(), "", result);
        return result;
    }

    private static void Walk(JsonElement element, string prefix, Dictionary<string, JsonElement> into)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
                Walk(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}", into);
        }
        else if (prefix.Length > 0)
        {
            into[prefix] = element;
        }
    }
}
