using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.ML.NasTuners;

/// <summary>
/// A value proposed by a tuner: a number, string or Boolean, or an object of named parameters.
/// Objects keep their keys in ordinal order so that two equal parameters print the same JSON.
/// </summary>
[JsonConverter(typeof(ParameterJsonConverter))]
public sealed class Parameter : IDictionary<string, Parameter>, IEquatable<Parameter>
{
    private readonly double _number;
    private readonly string? _string;
    private readonly bool _bool;
    private readonly SortedDictionary<string, Parameter>? _children;

    private Parameter(ParameterType type, double number = 0, string? text = null, bool flag = false)
    {
        Type = type;
        _number = number;
        _string = text;
        _bool = flag;
        if (type == ParameterType.Object)
            _children = new SortedDictionary<string, Parameter>(StringComparer.Ordinal);
    }

    /// <summary>The kind of value held.</summary>
    public ParameterType Type { get; }

    /// <summary>Creates an integer parameter.</summary>
    public static Parameter FromInt(long value) => new(ParameterType.Integer, value);

    /// <summary>Creates a single-precision parameter.</summary>
    public static Parameter FromFloat(float value) => new(ParameterType.Float, RequireFinite(value, nameof(value)));

    /// <summary>Creates a double-precision parameter.</summary>
    public static Parameter FromDouble(double value) => new(ParameterType.Number, RequireFinite(value, nameof(value)));

    /// <summary>Creates a string parameter.</summary>
    public static Parameter FromString(string value) =>
        new(ParameterType.String, text: value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Creates a Boolean parameter.</summary>
    public static Parameter FromBool(bool value) => new(ParameterType.Bool, flag: value);

    /// <summary>Creates an object parameter holding the given named parameters.</summary>
    public static Parameter CreateNestedParameter(params KeyValuePair<string, Parameter>[] parameters)
    {
        var result = new Parameter(ParameterType.Object);
        foreach (var (key, value) in parameters)
            result.Add(key, value);
        return result;
    }

    /// <summary>Creates a parameter from a primitive value (number, string, Boolean, enum) or an object whose
    /// public properties become named parameters (through System.Text.Json).</summary>
    public static Parameter FromObject(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryFromPrimitive(value) ?? JsonSerializer.Deserialize<Parameter>(
            JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), ParameterJson.Options), ParameterJson.Options)!;
    }

    /// <summary>Parses a parameter from JSON text.</summary>
    public static Parameter Parse(string json) =>
        JsonSerializer.Deserialize<Parameter>(json, ParameterJson.Options)
        ?? throw new JsonException("JSON 'null' is not a parameter.");

    internal static Parameter? TryFromPrimitive(object value) => value switch
    {
        Parameter p => p,
        string s => FromString(s),
        bool b => FromBool(b),
        int i => FromInt(i),
        long l => FromInt(l),
        short s16 => FromInt(s16),
        byte u8 => FromInt(u8),
        uint u32 => FromInt(u32),
        float f => FromFloat(f),
        double d => FromDouble(d),
        decimal m => FromDouble((double)m),
        Enum e => FromString(e.ToString()),
        _ => null,
    };

    /// <summary>The numeric value as a double; throws when this parameter is not a number.</summary>
    public double AsDouble() => IsNumber ? _number : throw WrongType("a number");

    /// <summary>The numeric value as an int; throws, naming the value, when this parameter is not a number or not a
    /// whole number within int's range (a double option's 3.0 reads as 3, its 3.5 does not).</summary>
    public int AsInt() => IsNumber && _number == Math.Floor(_number) && _number is >= int.MinValue and <= int.MaxValue
        ? (int)_number
        : throw WrongType("a whole number within int's range");

    /// <summary>The numeric value as a long; throws, naming the value, when this parameter is not a whole number within
    /// long's range.</summary>
    public long AsLong() => IsNumber && _number == Math.Floor(_number) && _number >= long.MinValue && _number < 9.2233720368547758e18
        ? (long)_number
        : throw WrongType("a whole number within long's range");

    /// <summary>The string value; throws when this parameter is not a string.</summary>
    public string AsString() => Type == ParameterType.String ? _string! : throw WrongType("a string");

    /// <summary>The Boolean value; throws when this parameter is not a Boolean.</summary>
    public bool AsBool() => Type == ParameterType.Bool ? _bool : throw WrongType("a Boolean");

    /// <summary>True for integer, float and double parameters.</summary>
    public bool IsNumber => Type is ParameterType.Integer or ParameterType.Float or ParameterType.Number;

    /// <summary>Converts this parameter to <typeparamref name="T"/>: a primitive, an enum (by name) or a class
    /// whose properties are named like the keys of this object (through System.Text.Json). Numbers convert between
    /// integer and floating-point types where the value is exact (a double option's 3.0 fills an int property, 3.5
    /// does not).</summary>
    /// <exception cref="InvalidOperationException">The value cannot be read as <typeparamref name="T"/>; the message
    /// names the key (for a class) and the value.</exception>
    public T AsType<T>()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(this, ParameterJson.Options);
        try
        {
            return JsonSerializer.Deserialize<T>(json, ParameterJson.Options)
                   ?? throw new InvalidOperationException($"Parameter {this} cannot be read as {typeof(T).Name}.");
        }
        catch (JsonException e)
        {
            var key = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            var where = key is null ? $"Parameter {this}" : $"Parameter '{key}' ({(TryGetPath(key) is { } value ? value.ToString() : "?")}) of {this}";
            throw new InvalidOperationException($"{where} cannot be read as {(key is null ? typeof(T).Name : $"{typeof(T).Name}.{key}")}: " +
                "a number fills an integer only when it is whole, and a string or Boolean only its own kind.", e);
        }
    }

    // The value at a dotted JSON path of nested objects, for messages; null when the path leads nowhere.
    private Parameter? TryGetPath(string path)
    {
        var current = this;
        foreach (var part in path.Split('.'))
        {
            if (current.Type != ParameterType.Object || !current.TryGetValue(part, out var next)) return null;
            current = next;
        }
        return current;
    }

    /// <summary>The parameter as compact JSON.</summary>
    public override string ToString() => JsonSerializer.Serialize(this, ParameterJson.Options);

    internal double RawNumber => _number;

    private Exception WrongType(string expected) =>
        new InvalidOperationException($"Parameter {this} is {Type}, not {expected}.");

    private static double RequireFinite(double value, string name) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "A parameter value must be finite.");

    private SortedDictionary<string, Parameter> Children =>
        _children ?? throw new InvalidOperationException($"Parameter {this} is {Type}, not an object with named parameters.");

    // ---- dictionary view (objects only) ----

    /// <inheritdoc />
    public Parameter this[string key]
    {
        get => Children.TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException($"Parameter has no key '{key}'. Keys: {string.Join(", ", Children.Keys)}.");
        set => Children[key] = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <inheritdoc />
    public ICollection<string> Keys => Children.Keys;

    /// <inheritdoc />
    public ICollection<Parameter> Values => Children.Values;

    /// <inheritdoc />
    public int Count => Children.Count;

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <inheritdoc />
    public void Add(string key, Parameter value) => Children.Add(key, value ?? throw new ArgumentNullException(nameof(value)));

    /// <inheritdoc />
    public void Add(KeyValuePair<string, Parameter> item) => Add(item.Key, item.Value);

    /// <inheritdoc />
    public void Clear() => Children.Clear();

    /// <inheritdoc />
    public bool Contains(KeyValuePair<string, Parameter> item) =>
        Children.TryGetValue(item.Key, out var v) && v.Equals(item.Value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => Children.ContainsKey(key);

    /// <inheritdoc />
    public void CopyTo(KeyValuePair<string, Parameter>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, Parameter>>)Children).CopyTo(array, arrayIndex);

    /// <inheritdoc />
    public bool Remove(string key) => Children.Remove(key);

    /// <inheritdoc />
    public bool Remove(KeyValuePair<string, Parameter> item) => Contains(item) && Children.Remove(item.Key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Parameter value) => Children.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, Parameter>> GetEnumerator() => Children.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // ---- equality: by value; numbers compare as doubles whatever their precision tag ----

    /// <inheritdoc />
    public bool Equals(Parameter? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (IsNumber && other.IsNumber)
        {
            // A float carries only single precision, so it equals any number that rounds to the same float.
            return Type == ParameterType.Float || other.Type == ParameterType.Float
                ? ((float)_number).Equals((float)other._number)
                : _number.Equals(other._number);
        }
        if (Type != other.Type) return false;
        return Type switch
        {
            ParameterType.String => string.Equals(_string, other._string, StringComparison.Ordinal),
            ParameterType.Bool => _bool == other._bool,
            ParameterType.Object => Children.Count == other.Children.Count &&
                                    Children.All(kv => other.Children.TryGetValue(kv.Key, out var o) && kv.Value.Equals(o)),
            _ => false,
        };
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Parameter p && Equals(p);

    /// <inheritdoc />
    public override int GetHashCode() => Type switch
    {
        ParameterType.String => StringComparer.Ordinal.GetHashCode(_string!),
        ParameterType.Bool => _bool.GetHashCode(),
        ParameterType.Object => Children.Aggregate(17, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value.GetHashCode())),
        _ => ((float)_number).GetHashCode(),
    };

    internal string FormatNumber() => Type switch
    {
        ParameterType.Integer => ((long)_number).ToString(CultureInfo.InvariantCulture),
        ParameterType.Float => ((float)_number).ToString("R", CultureInfo.InvariantCulture),
        _ => _number.ToString("R", CultureInfo.InvariantCulture),
    };
}
