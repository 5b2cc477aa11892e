using System.Diagnostics.CodeAnalysis;

namespace Microsoft.ML.NasTuners.Cli;

/// <summary>Binds a command's options, turning bad input (<see cref="UsageException"/>) into one line on stderr, so
/// that every command reports it alike.</summary>
internal static class SettingsBinding
{
    /// <summary>The settings <paramref name="bind"/> makes, or false after writing its usage error.</summary>
    public static bool TryBind<T>(CliContext context, Func<T> bind, [NotNullWhen(true)] out T? settings)
        where T : class
    {
        try
        {
            settings = bind();
            return true;
        }
        catch (UsageException e)
        {
            context.Stderr.WriteLine($"error: {e.Message}");
            settings = null;
            return false;
        }
    }
}
