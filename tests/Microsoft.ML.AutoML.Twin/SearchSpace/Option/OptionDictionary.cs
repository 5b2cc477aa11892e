using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Microsoft.ML.SearchSpace.Option;

/// <summary>
/// What the twin's two search-space classes share (AutoML has both <c>Microsoft.ML.SearchSpace.SearchSpace</c> and
/// the sealed <c>Microsoft.ML.SearchSpace.Option.SearchSpace</c>; the contract promises only that each is an
/// <c>OptionBase</c> and an <c>IDictionary&lt;string, OptionBase&gt;</c>, so this extra base is no shape a bridge may
/// see). Enumerates in insertion order; the feature space takes the keys sorted with <c>OrderBy(k =&gt; k)</c>,
/// which compares by culture.
/// </summary>
public abstract class OptionDictionary : OptionBase, IDictionary<string, OptionBase>
{
    private readonly Dictionary<string, OptionBase> _options = [];

    private protected OptionDictionary()
    {
    }

    /// <summary>As AutoML's <c>SearchSpace&lt;T&gt;(T defaultOption)</c>: every sample starts from the whole default
    /// object (its properties without search attributes too, such as a trainer's column names), the sampled options
    /// written over it.</summary>
    private protected Parameter? DefaultOption { get; init; }

    private IEnumerable<KeyValuePair<string, OptionBase>> FeatureOrder => _options.OrderBy(kv => kv.Key);

    public override int FeatureSpaceDim => _options.Values.Sum(o => o.FeatureSpaceDim);

    public override double[]? Default
    {
        get => FeatureOrder.SelectMany(kv => kv.Value.Default ?? new double[kv.Value.FeatureSpaceDim]).ToArray();
        protected set => throw new NotSupportedException("A search space's default is its options'.");
    }

    public override int?[] Step => FeatureOrder.SelectMany(kv => kv.Value.Step).ToArray();

    public override double[] MappingToFeatureSpace(Parameter param) =>
        FeatureOrder.SelectMany(kv => kv.Value.MappingToFeatureSpace(param[kv.Key])).ToArray();

    public override Parameter SampleFromFeatureSpace(double[] values)
    {
        if (values.Length != FeatureSpaceDim) throw new ArgumentException($"expected {FeatureSpaceDim} values, got {values.Length}", nameof(values));
        var result = Parameter.CreateNestedParameter();
        var offset = 0;
        foreach (var (key, option) in FeatureOrder)
        {
            result[key] = option.SampleFromFeatureSpace(values[offset..(offset + option.FeatureSpaceDim)]);
            offset += option.FeatureSpaceDim;
        }
        return DefaultOption is null ? result : Merged(DefaultOption, result);
    }

    // Nested objects merge key by key; anything else from the sample replaces the default.
    private static Parameter Merged(Parameter defaults, Parameter sample)
    {
        if (defaults.ParameterType != ParameterType.Object || sample.ParameterType != ParameterType.Object) return sample;
        var merged = Parameter.CreateNestedParameter();
        foreach (var (key, value) in defaults) merged[key] = sample.TryGetValue(key, out var sampled) ? Merged(value, sampled) : value;
        foreach (var (key, value) in sample.Where(kv => !defaults.ContainsKey(kv.Key))) merged[key] = value;
        return merged;
    }

    public OptionBase this[string key]
    {
        get => _options[key];
        set => _options[key] = value;
    }

    public ICollection<string> Keys => _options.Keys;

    public ICollection<OptionBase> Values => _options.Values;

    public int Count => _options.Count;

    public bool IsReadOnly => false;

    public void Add(string key, OptionBase value) => _options.Add(key, value);

    public void Add(KeyValuePair<string, OptionBase> item) => _options.Add(item.Key, item.Value);

    public void Clear() => _options.Clear();

    public bool Contains(KeyValuePair<string, OptionBase> item) => ((ICollection<KeyValuePair<string, OptionBase>>)_options).Contains(item);

    public bool ContainsKey(string key) => _options.ContainsKey(key);

    public void CopyTo(KeyValuePair<string, OptionBase>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, OptionBase>>)_options).CopyTo(array, arrayIndex);

    public bool Remove(string key) => _options.Remove(key);

    public bool Remove(KeyValuePair<string, OptionBase> item) => ((ICollection<KeyValuePair<string, OptionBase>>)_options).Remove(item);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out OptionBase value) => _options.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, OptionBase>> GetEnumerator() => _options.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
