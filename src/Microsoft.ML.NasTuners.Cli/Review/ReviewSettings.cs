using Microsoft.ML.NasTuners.Benchmarks.Review;

namespace Microsoft.ML.NasTuners.Cli.Review;

/// <summary>The validated options of <c>review</c>.</summary>
internal sealed record ReviewSettings
{
    /// <summary>True for the quick variant of the conditions.</summary>
    public bool Quick { get; init; }

    /// <summary>The conditions to run, in the matrix's order.</summary>
    public required IReadOnlyList<ReviewCondition> Conditions { get; init; }

    /// <summary>The seeds of every run.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>The folder of the JSONL files, the README and the plots.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Runs executed at once.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>JSONL files of other frameworks' trials to join the tables.</summary>
    public IReadOnlyList<string> Imports { get; init; } = [];

    /// <summary>The command line as the README quotes it.</summary>
    public required string Command { get; init; }

    /// <summary>The JSONL file of one condition's runs: the quick and the full variant never share one, as their
    /// plans differ and a resume would refuse the other's file.</summary>
    public string FileOf(ReviewCondition condition) =>
        Path.Combine(OutputFolder, Quick ? $"{condition.Name}.quick.jsonl" : $"{condition.Name}.jsonl");
}
