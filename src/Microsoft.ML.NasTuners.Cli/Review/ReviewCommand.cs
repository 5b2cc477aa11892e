using System.CommandLine;
using Microsoft.ML.NasTuners.Benchmarks.Review;
using Microsoft.ML.NasTuners.Cli.Bench;

namespace Microsoft.ML.NasTuners.Cli.Review;

/// <summary>The <c>review</c> command: its options and their binding to <see cref="ReviewSettings"/>.</summary>
internal static class ReviewCommand
{
    /// <summary>Default output folder.</summary>
    public const string DefaultOutput = "docs/review";

    /// <summary>Default seeds of the full review.</summary>
    public const string DefaultSeeds = "1-10";

    /// <summary>Default seeds of the quick review.</summary>
    public const string DefaultQuickSeeds = "1-3";

    /// <summary>Creates the command; its action runs <see cref="ReviewAction"/>.</summary>
    public static System.CommandLine.Command Create(CliContext context)
    {
        var quick = new Option<bool>("--quick")
        {
            Description = "Tiny budgets, fewer problems and tuners: a smoke run of the whole review in a couple of minutes (its numbers answer nothing).",
        };
        var conditions = new Option<string[]>("--conditions", "-c")
        {
            Description = $"Conditions to run, comma-separated or repeated, or 'all' (default). ({string.Join(", ", ReviewConditions.Full.Select(c => c.Name))})",
            HelpName = "names",
        };
        var seeds = new Option<string?>("--seeds", "-s")
        {
            Description = $"Seeds: a number, a range or a list (default {DefaultSeeds}, with --quick {DefaultQuickSeeds}).",
            HelpName = "list",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The folder of the trial files (one JSONL per condition, resumed when re-run), README.md and plots/.",
            DefaultValueFactory = _ => DefaultOutput,
            HelpName = "folder",
        };
        var threads = ThreadsOption.Create();
        var quiet = QuietOption.Create();
        var imports = new Option<string[]>("--import")
        {
            Description = "A JSONL file of another framework's trials in the bench format (for example from scripts/optuna_bench.py); its runs join the tables of every condition that has their problem under their tuner name. Repeatable; a missing file is noted and skipped.",
            HelpName = "file",
        };
        var command = new System.CommandLine.Command("review", "Run every applicable tuner on every condition of the review, then write README.md (tables, rank tests, the answer) and plots.")
        {
            quick, conditions, seeds, output, threads, imports, quiet,
        };
        // Ctrl+C as in bench: the first one stops between trials and keeps what is done.
        command.SetAction((parse, cancellationToken) => Task.Run(() =>
        {
            using var ctrlC = CtrlC.Cancels(cancellationToken);
            return ReviewAction.Run(context with { Quiet = parse.GetValue(quiet) }, () => Bind(parse), ctrlC.Token);
        }, CancellationToken.None));
        return command;

        ReviewSettings Bind(ParseResult parse)
        {
            var isQuick = parse.GetValue(quick);
            var matrix = ReviewConditions.Of(isQuick);
            var named = NameListParser.Parse(parse.GetValue(conditions) is { Length: > 0 } given ? given : [NameListParser.All],
                "condition", "--conditions", matrix.Select(c => c.Name).ToArray());
            var seedText = parse.GetValue(seeds) ?? (isQuick ? DefaultQuickSeeds : DefaultSeeds);
            IReadOnlyList<int> seedList;
            try
            {
                seedList = SeedListParser.Parse(seedText);
            }
            catch (FormatException e)
            {
                throw new UsageException($"--seeds: {e.Message}");
            }
            var folder = parse.GetValue(output);
            if (string.IsNullOrWhiteSpace(folder)) throw new UsageException("--out needs a folder.");
            var threadCount = parse.GetValue(threads);
            if (threadCount < 1) throw new UsageException($"--threads must be at least 1, got {threadCount}.");
            return new ReviewSettings
            {
                Quick = isQuick,
                Conditions = matrix.Where(c => named.Contains(c.Name)).ToArray(),
                Seeds = seedList,
                OutputFolder = folder,
                Threads = threadCount,
                Imports = parse.GetValue(imports) ?? [],
                Command = string.Join(' ', ["nas-tuners", .. parse.Tokens.Select(t => t.Value)]),
            };
        }
    }
}
