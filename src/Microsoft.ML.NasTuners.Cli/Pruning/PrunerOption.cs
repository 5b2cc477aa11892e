using System.CommandLine;
using Microsoft.ML.NasTuners.Benchmarks.Pruning;

namespace Microsoft.ML.NasTuners.Cli.Pruning;

/// <summary>The <c>--pruner</c> option of the commands that run a study's trials (<c>study run</c>, <c>worker</c>), and
/// the check of its value: one name list, one message.</summary>
internal static class PrunerOption
{
    /// <summary>The value that prunes nothing.</summary>
    public const string None = "none";

    /// <summary>A new instance of the option (a command owns its options).</summary>
    public static Option<string> Create() => new("--pruner")
    {
        Description = $"Stop trials early against the curves of the whole study ({string.Join(", ", BenchmarkPruners.Names)}). " +
            "A multi-fidelity problem then trains as learning curves: each trial reports its loss after every epoch up to the full budget, as `nas-tuners pruning` does.",
        DefaultValueFactory = _ => None,
        HelpName = "name",
    };

    /// <summary>What is wrong with <paramref name="name"/>, or null when it names a pruner.</summary>
    public static string? Problem(string name) => BenchmarkPruners.Names.Contains(name)
        ? null
        : $"unknown pruner '{name}'. Valid pruners: {string.Join(", ", BenchmarkPruners.Names)}.";
}
