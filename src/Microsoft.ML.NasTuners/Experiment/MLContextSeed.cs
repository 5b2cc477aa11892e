using System.Reflection;

namespace Microsoft.ML.NasTuners;

/// <summary>The seed a user gave <c>new MLContext(seed)</c>. MLContext keeps it behind an interface ML.NET does not make
/// public (<c>IHostEnvironmentInternal.Seed</c>), so it is read by reflection; null when there is none or a future
/// ML.NET moves it (the experiment then keeps its own default).</summary>
internal static class MLContextSeed
{
    private static readonly PropertyInfo? SeedProperty = typeof(MLContext).GetInterfaces()
        .FirstOrDefault(i => i.Name == "IHostEnvironmentInternal")
        ?.GetProperty("Seed");

    /// <summary>The context's seed, or null.</summary>
    public static int? Of(MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return SeedProperty?.GetValue(context) as int?;
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }
}
