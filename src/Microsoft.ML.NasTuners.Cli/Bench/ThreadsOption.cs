using System.CommandLine;

namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary>The <c>--threads</c> option of the commands that run benchmarks (<c>bench</c>, <c>review</c>).</summary>
internal static class ThreadsOption
{
    /// <summary>A new instance of the option (a command owns its options).</summary>
    public static Option<int> Create() => new("--threads")
    {
        Description = "Runs executed at once on separate threads (default: the number of processors); results do not depend on it.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        HelpName = "N",
    };
}
