using System.Reflection;

namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>Reads and calls public members of AutoML objects by name: the bridge has no compile-time view of them.</summary>
internal static class Reflected
{
    private const BindingFlags Instance = BindingFlags.Public | BindingFlags.Instance;

    /// <summary>The value of public property <paramref name="name"/>; the most derived declaration wins, so a
    /// property hidden with <c>new</c> in a subclass (as <c>SearchSpace&lt;T&gt;</c> may) is not ambiguous.</summary>
    public static object? Get(object target, string name) => PropertyOf(target.GetType(), name).GetValue(target);

    public static T Get<T>(object target, string name) => Get(target, name) is T value
        ? value
        : throw Mismatch(target.GetType(), $"property {name} of type {typeof(T).Name}");

    public static PropertyInfo PropertyOf(Type type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.GetProperty(name, Instance | BindingFlags.DeclaredOnly) is { } property)
                return property;
        }
        return type.GetInterfaces().Select(i => i.GetProperty(name, Instance)).FirstOrDefault(p => p is not null)
               ?? throw Mismatch(type, $"property {name}");
    }

    public static MethodInfo MethodOf(Type type, string name, params Type[] parameters) =>
        type.GetMethod(name, parameters) ?? throw Mismatch(type, $"method {name}({string.Join(", ", parameters.Select(p => p.Name))})");

    /// <summary>True when <paramref name="type"/> or one of its bases has the full name <paramref name="fullName"/>.</summary>
    public static bool IsOrDerivesFrom(Type type, string fullName)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.FullName == fullName) return true;
        }
        return false;
    }

    /// <summary>The exception for an AutoML whose shape is not the one the bridge was written against.</summary>
    public static NotSupportedException Mismatch(Type type, string what) => new(
        $"{type.FullName} ({type.Assembly.GetName().Name} {type.Assembly.GetName().Version}) has no public {what}: this "
        + "version of Microsoft.ML.AutoML does not have the shape the bridge binds to (Microsoft.ML.AutoML 0.23).");
}
