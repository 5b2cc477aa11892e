using System.Collections;

namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>Reads AutoML's search-space options (<c>Microsoft.ML.SearchSpace.Option.*</c>) through their public
/// properties and the dictionary interface of search spaces, never through their JSON converter.</summary>
internal static class AutoMLOptions
{
    public const string Namespace = "Microsoft.ML.SearchSpace.Option";
    private const string OptionBaseName = Namespace + ".OptionBase";

    /// <summary>The name of the option's type without its namespace: <c>ChoiceOption</c>, <c>UniformIntOption</c>, ...</summary>
    public static string KindOf(object option) => option.GetType().Name;

    /// <summary>True for a search space: anything that is an <c>IDictionary&lt;string, OptionBase&gt;</c>, whichever of
    /// AutoML's two search-space classes it is.</summary>
    public static bool IsSearchSpace(object option) => option.GetType().GetInterfaces().Any(i =>
        i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>)
        && i.GetGenericArguments()[0] == typeof(string) && Reflected.IsOrDerivesFrom(i.GetGenericArguments()[1], OptionBaseName));

    /// <summary>The entries of one of AutoML's string-keyed dictionaries (a search space's options, a nested
    /// parameter's values) in the dictionary's order: for a space, AutoML's insertion order.</summary>
    public static IEnumerable<KeyValuePair<string, object>> Entries(object dictionary)
    {
        foreach (var entry in (IEnumerable)dictionary)
        {
            var key = Reflected.Get<string>(entry, "Key");
            var value = Reflected.Get(entry, "Value") ?? throw new ArgumentException($"Entry '{key}' is null.", nameof(dictionary));
            yield return KeyValuePair.Create(key, value);
        }
    }

    /// <summary>The value AutoML's own <c>SampleFromFeatureSpace</c> gives at the option's default point (the origin
    /// when it has none): what an option the tuner does not search takes.</summary>
    public static object DefaultSample(object option)
    {
        var optionBase = OptionBaseOf(option.GetType());
        var feature = Reflected.PropertyOf(optionBase, "Default").GetValue(option) as double[]
                      ?? new double[(int)Reflected.PropertyOf(optionBase, "FeatureSpaceDim").GetValue(option)!];
        // Called through OptionBase's own declaration, so SearchSpace<T>'s typed overload, which hides it, is not picked.
        return Reflected.MethodOf(optionBase, "SampleFromFeatureSpace", typeof(double[])).Invoke(option, [feature])!;
    }

    private static Type OptionBaseOf(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.FullName == OptionBaseName) return t;
        }
        throw Reflected.Mismatch(type, $"base class {OptionBaseName}");
    }
}
