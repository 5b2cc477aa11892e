using System.CommandLine;
using Microsoft.ML.NasTuners.Cli.Bench;
using Microsoft.ML.NasTuners.Data;

namespace Microsoft.ML.NasTuners.Cli.Pipelines;

/// <summary>The <c>pipelines</c> command: ML.NET pipeline search (<c>mlContext.Nas().BinaryClassification(...)</c> and
/// its siblings) on the data/tabular sets against ML.NET's default trainer settings and random search, as a markdown
/// table of held-out test metrics (docs/pipelines.md).</summary>
internal static class PipelinesCommand
{
    public static System.CommandLine.Command Create(CliContext context)
    {
        var data = new Option<string[]>("--data", "-d")
        {
            Description = $"Data sets, comma-separated or repeated ({string.Join(", ", TabularTasks.Names)}, or all).",
            DefaultValueFactory = _ => ["all"],
            HelpName = "names",
        };
        var methods = new Option<string[]>("--method", "-m")
        {
            Description = $"Methods to compare ({string.Join(", ", ComparisonMethods.Names)}, or all).",
            DefaultValueFactory = _ => [string.Join(",", ComparisonMethods.Default)],
            HelpName = "names",
        };
        var seeds = new Option<string>("--seeds")
        {
            Description = "Seeds (each splits the data 80/20 and seeds the search): 1-3, 1,5, 7.",
            DefaultValueFactory = _ => "1-3",
            HelpName = "list",
        };
        var timeLimit = new Option<double>("--time-limit")
        {
            Description = "Seconds each search may take (the refit of the best comes after).",
            DefaultValueFactory = _ => 30,
            HelpName = "seconds",
        };
        var maxTrials = new Option<int?>("--max-trials")
        {
            Description = "Also stop each search after this many trials.",
            HelpName = "N",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Also write the markdown table to this file.",
            HelpName = "path",
        };
        var command = new System.CommandLine.Command("pipelines",
            "Search ML.NET pipelines on the data/tabular sets and compare with ML.NET's default trainer settings and random search (held-out test metric).")
        {
            data, methods, seeds, timeLimit, maxTrials, output,
        };
        command.SetAction((parse, token) => RunAsync(context, parse.GetValue(data), parse.GetValue(methods), parse.GetValue(seeds),
            parse.GetValue(timeLimit), parse.GetValue(maxTrials), parse.GetValue(output), token));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string[]? dataNames, string[]? methodNames, string? seedList,
        double timeLimit, int? maxTrials, string? output, CancellationToken token)
    {
        IReadOnlyList<string> sets, methods;
        IReadOnlyList<int> seeds;
        try
        {
            sets = NameListParser.Parse(dataNames, "data set", "--data", TabularTasks.Names);
            methods = NameListParser.Parse(methodNames, "method", "--method", ComparisonMethods.Names);
            seeds = SeedListParser.Parse(seedList);
            if (!(timeLimit > 0 && double.IsFinite(timeLimit))) throw new UsageException($"--time-limit must be a number of seconds above 0, got {timeLimit}.");
            if (maxTrials is < 1) throw new UsageException($"--max-trials must be at least 1, got {maxTrials}.");
            if (NasDataSets.Tabular.FindDirectory() is null) throw new UsageException(NasDataSets.Tabular.MissingReason() ?? "data/tabular is missing.");
        }
        catch (Exception e) when (e is UsageException or FormatException)
        {
            context.Stderr.WriteLine($"error: {(e is FormatException ? "--seeds: " : "")}{e.Message}");
            return ExitCodes.Usage;
        }
        try
        {
            var runs = await new PipelineComparison(context.Stderr).RunAllAsync(sets, methods, seeds, timeLimit, maxTrials, token).ConfigureAwait(false);
            var table = PipelineComparison.Table(runs);
            context.Stdout.Write(table);
            if (output is not null) await File.WriteAllTextAsync(output, table, CancellationToken.None).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            context.Stderr.WriteLine("pipelines: cancelled.");
            return ExitCodes.Cancelled;
        }
    }
}
