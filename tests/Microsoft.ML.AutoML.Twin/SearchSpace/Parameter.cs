using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.ML.SearchSpace;

/// <summary>The twin of AutoML's parameter: a number, string, Boolean, array or dictionary of parameters.</summary>
[JsonConverter(typeof(ParameterJsonConverter))]
public sealed class Parameter : IDictionary<string, Parameter>
{
    private readonly object? _value;

    private Parameter(ParameterType type, object? value)
    {
        ParameterType = type;
        _value = value;
    }

    public ParameterType ParameterType { get; }

    internal object? Value => _value;

    public static Parameter FromDouble(double value) => new(ParameterType.Number, value);

    public static Parameter FromFloat(float value) => new(ParameterType.Number, value);

    public static Parameter FromLong(long value) => new(ParameterType.Integer, value);

    public static Parameter FromInt(int value) => new(ParameterType.Integer, (long)value);

    public static Parameter FromString(string value) => new(ParameterType.String, value);

    public static Parameter FromBool(bool value) => new(ParameterType.Bool, value);

    public static Parameter FromEnum<T>(T value) where T : struct, Enum => FromString(value.ToString());

    public static Parameter FromIEnumerable<T>(IEnumerable<T> values) =>
        new(ParameterType.Array, values.Select(v => FromObject(v)).ToArray());

    public static Parameter FromObject<T>(T value) => value switch
    {
        Parameter p => p,
        int i => FromInt(i),
        long l => FromLong(l),
        float f => FromFloat(f),
        double d => FromDouble(d),
        bool b => FromBool(b),
        string s => FromString(s),
        Enum e => FromString(e.ToString()),
        IEnumerable e => new Parameter(ParameterType.Array, e.Cast<object>().Select(FromObject).ToArray()),
        null => throw new ArgumentNullException(nameof(value)),
        _ => JsonSerializer.Deserialize<Parameter>(JsonSerializer.Serialize(value, value.GetType()))!,
    };

    public static Parameter CreateNestedParameter(params KeyValuePair<string, Parameter>[] parameters)
    {
        var nested = new Parameter(ParameterType.Object, new Dictionary<string, Parameter>());
        foreach (var (key, value) in parameters) nested[key] = value;
        return nested;
    }

    public T AsType<T>() => JsonSerializer.Deserialize<T>(ToString())!;

    public override string ToString() => JsonSerializer.Serialize(this);

    private Dictionary<string, Parameter> Children => _value as Dictionary<string, Parameter>
        ?? throw new InvalidOperationException($"A {ParameterType} parameter has no keys.");

    public Parameter this[string key]
    {
        get => Children[key];
        set => Children[key] = value;
    }

    public ICollection<string> Keys => Children.Keys;

    public ICollection<Parameter> Values => Children.Values;

    public int Count => Children.Count;

    public bool IsReadOnly => false;

    public void Add(string key, Parameter value) => Children.Add(key, value);

    public void Add(KeyValuePair<string, Parameter> item) => Children.Add(item.Key, item.Value);

    public void Clear() => Children.Clear();

    public bool Contains(KeyValuePair<string, Parameter> item) => ((ICollection<KeyValuePair<string, Parameter>>)Children).Contains(item);

    public bool ContainsKey(string key) => Children.ContainsKey(key);

    public void CopyTo(KeyValuePair<string, Parameter>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, Parameter>>)Children).CopyTo(array, arrayIndex);

    public bool Remove(string key) => Children.Remove(key);

    public bool Remove(KeyValuePair<string, Parameter> item) => ((ICollection<KeyValuePair<string, Parameter>>)Children).Remove(item);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Parameter value) => Children.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, Parameter>> GetEnumerator() => Children.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
