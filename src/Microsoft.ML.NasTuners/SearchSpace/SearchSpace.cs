using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.ML.NasTuners;

/// <summary>
/// A search space: named options (numbers, choices, nested spaces, conditional branches), kept in ordinal key
/// order. It offers two encodings: the AutoML feature space <c>[0,1]^FeatureSpaceDim</c>
/// (<see cref="SampleFromFeatureSpace"/>, <see cref="MappingToFeatureSpace"/>) and the typed
/// <see cref="ModelView"/> that tuners' models use. A search space is itself an option, so spaces nest.
/// </summary>
[JsonConverter(typeof(SearchSpaceJsonConverter))]
public class SearchSpace : OptionBase, IDictionary<string, OptionBase>
{
    private readonly SortedDictionary<string, OptionBase> _options = new(StringComparer.Ordinal);
    private ModelView? _modelView;

    /// <summary>Creates an empty search space.</summary>
    public SearchSpace()
    {
    }

    /// <summary>Creates a search space from named options.</summary>
    public SearchSpace(params KeyValuePair<string, OptionBase>[] options)
        : this((IEnumerable<KeyValuePair<string, OptionBase>>)options)
    {
    }

    /// <summary>Creates a search space from named options.</summary>
    public SearchSpace(IEnumerable<KeyValuePair<string, OptionBase>> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (key, option) in options)
            Add(key, option);
    }

    /// <inheritdoc />
    public override int FeatureSpaceDim => _options.Values.Sum(o => o.FeatureSpaceDim);

    /// <inheritdoc />
    public override double[] Default => _options.Values.SelectMany(o => o.Default).ToArray();

    /// <summary>The typed, flat view of this space for surrogate models.</summary>
    public ModelView ModelView
    {
        get
        {
            if (_modelView is null)
            {
                var builder = new ModelViewBuilder();
                AddChildDimensions(builder, [], "", condition: null);
                _modelView = builder.Build();
            }
            return _modelView;
        }
    }

    /// <summary>The parameter at a point of the feature space (keys in order, one slice per option).</summary>
    public override Parameter SampleFromFeatureSpace(double[] feature)
    {
        CheckFeature(feature);
        var result = Parameter.CreateNestedParameter();
        var offset = 0;
        foreach (var (key, option) in _options)
        {
            var slice = feature[offset..(offset + option.FeatureSpaceDim)];
            offset += option.FeatureSpaceDim;
            if (option is ConditionalChoiceOption conditional)
                conditional.SampleInto(slice, result, key);
            else
                result[key] = option.SampleFromFeatureSpace(slice);
        }
        return result;
    }

    /// <summary>The feature-space point of a parameter; throws <see cref="ArgumentException"/> naming the key
    /// that is missing or out of range.</summary>
    public override double[] MappingToFeatureSpace(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter.Type != ParameterType.Object)
            throw new ArgumentException($"A search space maps an object parameter, got {parameter.Type} {parameter}.", nameof(parameter));
        var result = new List<double>(FeatureSpaceDim);
        foreach (var (key, option) in _options)
        {
            try
            {
                if (option is ConditionalChoiceOption conditional)
                    result.AddRange(conditional.MapFrom(parameter, key));
                else if (parameter.TryGetValue(key, out var value))
                    result.AddRange(option.MappingToFeatureSpace(value));
                else
                    throw new ArgumentException("the parameter has no value for it.");
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException)
            {
                throw new ArgumentException($"Parameter '{key}': {e.Message}", nameof(parameter), e);
            }
        }
        return result.ToArray();
    }

    /// <summary>The parameter of the default point.</summary>
    public Parameter SampleDefault() => SampleFromFeatureSpace(Default);

    /// <summary>This space as JSON (see README for the format).</summary>
    public string ToJson(bool indented = false) =>
        JsonSerializer.Serialize(this, new JsonSerializerOptions(ParameterJson.Options) { WriteIndented = indented });

    /// <summary>Reads a search space from JSON written by <see cref="ToJson"/>.</summary>
    public static SearchSpace FromJson(string json) =>
        JsonSerializer.Deserialize<SearchSpace>(json, ParameterJson.Options)
        ?? throw new JsonException("JSON 'null' is not a search space.");

    internal override void AddDimensions(ModelViewBuilder builder, DimensionPlace place, DimensionCondition? condition) =>
        AddChildDimensions(builder, [.. place.ContainerPath, place.Key], place.Name + ".", condition);

    /// <summary>Adds the dimensions of this space's options, whose values live in the object at <paramref name="containerPath"/>.</summary>
    internal void AddChildDimensions(ModelViewBuilder builder, IReadOnlyList<string> containerPath, string namePrefix, DimensionCondition? condition)
    {
        foreach (var (key, option) in _options)
            option.AddDimensions(builder, new DimensionPlace(containerPath, key, namePrefix + key), condition);
    }

    /// <summary>The keys this space writes at its own level: its option keys and, through conditional options, every
    /// key any branch can write beside them.</summary>
    internal IEnumerable<string> KeysWrittenAtThisLevel() => _options.SelectMany(kv => KeysWrittenBy(kv.Key, kv.Value));

    private static IEnumerable<string> KeysWrittenBy(string key, OptionBase option) =>
        option is ConditionalChoiceOption c
            ? c.Branches.SelectMany(b => b.Space.KeysWrittenAtThisLevel()).Distinct().Prepend(key)
            : [key];

    private void CheckNoKeyClash(string addedKey, OptionBase added)
    {
        var addedKeys = KeysWrittenBy(addedKey, added).ToList();
        if (addedKeys.Skip(1).Contains(addedKey))
            throw new ArgumentException($"A branch of '{addedKey}' has a parameter with the selector's own name.", nameof(addedKey));
        foreach (var (key, option) in _options.Where(kv => kv.Key != addedKey))
        {
            var clash = KeysWrittenBy(key, option).Intersect(addedKeys).FirstOrDefault();
            if (clash is not null)
                throw new ArgumentException($"Parameter '{clash}' would be written twice at the same level (by '{addedKey}' and by '{key}').", nameof(addedKey));
        }
    }

    // ---- dictionary of options ----

    /// <inheritdoc />
    public OptionBase this[string key]
    {
        get => _options.TryGetValue(key, out var option)
            ? option
            : throw new KeyNotFoundException($"The search space has no option '{key}'. Options: {string.Join(", ", _options.Keys)}.");
        set
        {
            CheckKey(key);
            ArgumentNullException.ThrowIfNull(value);
            CheckNoKeyClash(key, value);
            _options[key] = value;
            _modelView = null;
        }
    }

    /// <inheritdoc />
    public void Add(string key, OptionBase value)
    {
        CheckKey(key);
        if (_options.ContainsKey(key)) throw new ArgumentException($"Option '{key}' is already in the search space.", nameof(key));
        this[key] = value;
    }

    private static void CheckKey(string key)
    {
        if (string.IsNullOrEmpty(key)) throw new ArgumentException("An option needs a non-empty name.", nameof(key));
        if (key == ConditionalChoiceOption.BranchKey) throw new ArgumentException($"'{key}' is reserved.", nameof(key));
    }

    /// <inheritdoc />
    public ICollection<string> Keys => _options.Keys;

    /// <inheritdoc />
    public ICollection<OptionBase> Values => _options.Values;

    /// <inheritdoc />
    public int Count => _options.Count;

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <inheritdoc />
    public void Add(KeyValuePair<string, OptionBase> item) => Add(item.Key, item.Value);

    /// <inheritdoc />
    public void Clear()
    {
        _options.Clear();
        _modelView = null;
    }

    /// <inheritdoc />
    public bool Contains(KeyValuePair<string, OptionBase> item) => _options.TryGetValue(item.Key, out var o) && ReferenceEquals(o, item.Value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => _options.ContainsKey(key);

    /// <inheritdoc />
    public void CopyTo(KeyValuePair<string, OptionBase>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, OptionBase>>)_options).CopyTo(array, arrayIndex);

    /// <inheritdoc />
    public bool Remove(string key)
    {
        _modelView = null;
        return _options.Remove(key);
    }

    /// <inheritdoc />
    public bool Remove(KeyValuePair<string, OptionBase> item) => Contains(item) && Remove(item.Key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out OptionBase value) => _options.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, OptionBase>> GetEnumerator() => _options.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
