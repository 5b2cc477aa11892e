using System.Reflection;
using System.Runtime.Loader;

namespace Microsoft.ML.NasTuners.Cli.Worker;

/// <summary>
/// A user's objective named as <c>path/to/Assembly.dll:Namespace.Type.Method</c>. The type has a public static
/// <c>SearchSpace</c> property (or field) of type <see cref="NasTuners.SearchSpace"/>, and the method is public and
/// static, takes <c>(Parameter)</c> or <c>(Parameter, TrialSettings)</c>, optionally followed by a
/// <see cref="CancellationToken"/>, and returns a loss (<c>double</c> or <c>Task&lt;double&gt;</c>) to minimise.
/// </summary>
internal sealed class UserObjective
{
    private readonly MethodInfo _method;

    private UserObjective(SearchSpace space, MethodInfo method, string name)
    {
        SearchSpace = space;
        _method = method;
        Name = name;
    }

    public SearchSpace SearchSpace { get; }

    /// <summary>Type.Method, as the study records it.</summary>
    public string Name { get; }

    /// <exception cref="ArgumentException">The text, the assembly, the type or the method is not as described.</exception>
    public static UserObjective Load(string spec)
    {
        var colon = spec.LastIndexOf(':');
        var dot = spec.LastIndexOf('.');
        if (colon <= 0 || dot <= colon + 1 || dot == spec.Length - 1)
            throw new ArgumentException($"--objective takes path/to/Assembly.dll:Namespace.Type.Method, not '{spec}'.");
        var path = Path.GetFullPath(spec[..colon]);
        var typeName = spec[(colon + 1)..dot];
        var methodName = spec[(dot + 1)..];
        if (!File.Exists(path)) throw new ArgumentException($"--objective: no assembly at {path}.");
        // The default context: the objective shares this process's copy of Microsoft.ML.NasTuners, so its Parameter
        // and SearchSpace are the worker's.
        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        var type = assembly.GetType(typeName, throwOnError: false)
            ?? throw new ArgumentException($"--objective: {Path.GetFileName(path)} has no public type {typeName}.");
        var space = (type.GetProperty("SearchSpace", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                ?? type.GetField("SearchSpace", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)) as SearchSpace
            ?? throw new ArgumentException($"--objective: {typeName} has no public static SearchSpace property of type SearchSpace.");
        var method = type.GetMethods(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(m => m.Name == methodName && Fits(m))
            ?? throw new ArgumentException(
                $"--objective: {typeName} has no public static {methodName}(Parameter[, TrialSettings][, CancellationToken]) returning double or Task<double>.");
        return new UserObjective(space, method, $"{typeName}.{methodName}");
    }

    public async Task<double> EvaluateAsync(TrialSettings trial, CancellationToken cancellationToken)
    {
        var arguments = _method.GetParameters().Select(p =>
            p.ParameterType == typeof(Parameter) ? trial.Parameter
            : p.ParameterType == typeof(TrialSettings) ? trial
            : (object)cancellationToken).ToArray();
        object? value;
        try
        {
            value = _method.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
        return value is Task<double> task ? await task.ConfigureAwait(false) : (double)value!;
    }

    private static bool Fits(MethodInfo method)
    {
        if (method.ReturnType != typeof(double) && method.ReturnType != typeof(Task<double>)) return false;
        var types = method.GetParameters().Select(p => p.ParameterType).ToList();
        if (types.Count == 0 || types[0] != typeof(Parameter)) return false;
        var rest = types.Skip(1).ToList();
        if (rest.Count > 0 && rest[0] == typeof(TrialSettings)) rest.RemoveAt(0);
        return rest.Count == 0 || (rest.Count == 1 && rest[0] == typeof(CancellationToken));
    }
}
