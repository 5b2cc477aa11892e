namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>
/// A sweepable pipeline's space, <c>{"e0": ..., "eK": ..., "_SCHEMA_": choice of "e0 * e1", ...}</c>: on our side the
/// schema is a conditional choice whose branches hold the estimators that schema uses, so an estimator a schema does
/// not use is inactive and no model learns from its values. Estimators every schema uses stay unconditional. A
/// proposal goes back, as a plain nested space's does, over AutoML's own default sample, with every estimator's key:
/// the inactive ones at AutoML's defaults, which the pipeline ignores.
/// </summary>
internal sealed class PipelineSpaceTranslation : IOptionTranslation
{
    /// <summary>The key of the schema choice in a pipeline's space.</summary>
    public const string SchemaKey = "_SCHEMA_";

    private readonly AutoMLParameters _parameters;
    private readonly object _space;
    private readonly IReadOnlyList<KeyValuePair<string, IOptionTranslation>> _estimators;
    private readonly ChoiceTranslation _schema;
    private readonly string[] _schemaNames;
    private readonly IReadOnlyList<string> _keyOrder;

    public PipelineSpaceTranslation(AutoMLParameters parameters, object space, IReadOnlyList<string> keyOrder,
        IReadOnlyList<KeyValuePair<string, IOptionTranslation>> estimators, ChoiceTranslation schema, string[] schemaNames)
    {
        _parameters = parameters;
        _space = space;
        _keyOrder = keyOrder;
        _estimators = estimators;
        _schema = schema;
        _schemaNames = schemaNames;
        var uses = schemaNames.Select(name => EstimatorsIn(name, estimators.Select(e => e.Key)).ToHashSet()).ToArray();
        var searched = estimators.Where(e => e.Value.Ours is not null).ToList();
        var everywhere = searched.Where(e => uses.All(u => u.Contains(e.Key))).ToList();
        var conditional = searched.Except(everywhere).ToList();
        var branches = schemaNames.Select((name, i) => (name, new SearchSpace(conditional
            .Where(e => uses[i].Contains(e.Key))
            .Select(e => KeyValuePair.Create(e.Key, e.Value.Ours!)))));
        Ours = new SearchSpace(everywhere.Select(e => KeyValuePair.Create(e.Key, e.Value.Ours!))
            .Append(KeyValuePair.Create(SchemaKey, (OptionBase)new ConditionalChoiceOption(branches, schemaNames[schema.DefaultIndex]))));
    }

    public SearchSpace Ours { get; }

    OptionBase IOptionTranslation.Ours => Ours;

    /// <summary>The estimator keys a schema such as <c>"e0 * (e1 + e2)"</c> names: its words that are estimator keys.</summary>
    public static IEnumerable<string> EstimatorsIn(string schema, IEnumerable<string> estimatorKeys)
    {
        var words = schema.Split(schema.Where(c => !char.IsLetterOrDigit(c) && c != '_').Distinct().ToArray(),
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return estimatorKeys.Where(words.Contains);
    }

    private int SchemaIndexOf(string name)
    {
        var index = Array.IndexOf(_schemaNames, name);
        return index >= 0 ? index : throw new ArgumentException($"'{name}' is not one of the schemas [{string.Join(", ", _schemaNames)}].", nameof(name));
    }

    public object ToAutoML(Parameter? ours, double subSamplingRatio)
    {
        var result = AutoMLOptions.DefaultSample(_space);
        var schemaIndex = ours is not null && ours.TryGetValue(SchemaKey, out var chosen)
            ? SchemaIndexOf(chosen.AsString())
            : _schema.DefaultIndex;
        foreach (var key in _keyOrder)
        {
            if (key == SchemaKey)
            {
                _parameters.Set(result, key, _schema.Choices[schemaIndex]);
                continue;
            }
            var estimator = _estimators.First(e => e.Key == key).Value;
            var value = ours is not null && ours.TryGetValue(key, out var v) ? v : null;
            _parameters.SetOver(result, key, estimator.ToAutoML(value, subSamplingRatio));
        }
        return result;
    }
}
