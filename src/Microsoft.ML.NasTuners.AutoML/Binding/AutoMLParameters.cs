using System.Reflection;
using System.Text.Json;

namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>Makes and reads AutoML's <c>Microsoft.ML.SearchSpace.Parameter</c> through its public factory methods,
/// indexer and <c>AsType&lt;T&gt;</c>.</summary>
internal sealed class AutoMLParameters
{
    private readonly MethodInfo _fromInt;
    private readonly MethodInfo _fromFloat;
    private readonly MethodInfo _fromDouble;
    private readonly MethodInfo _createNested;
    private readonly PropertyInfo _item;
    private readonly MethodInfo _asDouble;
    private readonly MethodInfo _containsKey;
    private readonly Array _noChildren;

    public AutoMLParameters(Type parameter)
    {
        Type = parameter;
        _fromInt = Reflected.MethodOf(parameter, "FromInt", typeof(int));
        _fromFloat = Reflected.MethodOf(parameter, "FromFloat", typeof(float));
        _fromDouble = Reflected.MethodOf(parameter, "FromDouble", typeof(double));
        var child = typeof(KeyValuePair<,>).MakeGenericType(typeof(string), parameter);
        _createNested = Reflected.MethodOf(parameter, "CreateNestedParameter", child.MakeArrayType());
        _noChildren = Array.CreateInstance(child, 0);
        _item = parameter.GetProperty("Item", parameter, [typeof(string)]) ?? throw Reflected.Mismatch(parameter, "indexer this[string]");
        _containsKey = Reflected.MethodOf(parameter, "ContainsKey", typeof(string));
        _asDouble = (parameter.GetMethod("AsType", Type.EmptyTypes) ?? throw Reflected.Mismatch(parameter, "method AsType<T>()"))
            .MakeGenericMethod(typeof(double));
    }

    /// <summary>AutoML's <c>Parameter</c> type.</summary>
    public Type Type { get; }

    public object FromInt(int value) => _fromInt.Invoke(null, [value])!;

    public object FromFloat(float value) => _fromFloat.Invoke(null, [value])!;

    public object FromDouble(double value) => _fromDouble.Invoke(null, [value])!;

    public object CreateNested() => _createNested.Invoke(null, [_noChildren])!;

    public void Set(object nested, string key, object value) => _item.SetValue(nested, value, [key]);

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/>, merging a nested value into the nested
    /// parameter already there instead of replacing it: AutoML's sample of a space made from a default object
    /// (<c>SearchSpace&lt;T&gt;(T defaultOption)</c>) also holds that object's unsearched properties (a trainer's
    /// column names), which must survive.</summary>
    public void SetOver(object nested, string key, object value)
    {
        if (IsNested(value) && (bool)_containsKey.Invoke(nested, [key])! && _item.GetValue(nested, [key]) is { } existing && IsNested(existing))
        {
            foreach (var (childKey, child) in AutoMLOptions.Entries(value)) SetOver(existing, childKey, child);
            return;
        }
        Set(nested, key, value);
    }

    private static bool IsNested(object parameter) => Reflected.Get(parameter, "ParameterType")?.ToString() == "Object";

    public double AsDouble(object parameter) => (double)_asDouble.Invoke(parameter, null)!;

    /// <summary>A leaf value's JSON text (<c>Parameter.ToString()</c>), which tells choices apart by value and type.</summary>
    public static string JsonOf(object parameter) => parameter.ToString() ?? "";

    /// <summary>The string a string-valued parameter holds, or null for other values.</summary>
    public static string? StringOf(object parameter)
    {
        using var json = JsonDocument.Parse(JsonOf(parameter));
        return json.RootElement.ValueKind == JsonValueKind.String ? json.RootElement.GetString() : null;
    }
}
