using System.CommandLine;

namespace Microsoft.ML.NasTuners.Cli;

/// <summary>The <c>--quiet</c> option of the commands that show progress (<c>bench</c>, <c>review</c>, <c>study run</c>).</summary>
internal static class QuietOption
{
    /// <summary>A new instance of the option (a command owns its options).</summary>
    public static Option<bool> Create() => new("--quiet", "-q")
    {
        Description = "Show no progress on stderr; results, notes and errors still appear.",
    };
}
