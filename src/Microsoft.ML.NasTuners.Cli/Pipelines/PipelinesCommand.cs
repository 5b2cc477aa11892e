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
        var timeLimit = new Option<string>("--time-limit")
        {
            Description = "Seconds each search may take (the refit of the best comes after); several, comma-separated, give a table each: 30,120.",
            DefaultValueFactory = _ => "30",
            HelpName = "seconds",
        };
        var noDefaultsFirst = new Option<bool>("--no-defaults-first")
        {
            Description = "Searches start from the tuner's first proposal instead of every trainer's ML.NET defaults.",
        };
        var maxTrials = new Option<int?>("--max-trials")
        {
            Description = "Also stop each search after this many trials.",
            HelpName = "N",
        };
        var ensembleSize = new Option<int?>("--ensemble-size")
        {
            Description = "The most members of each search's ensemble (1: the best trial's pipeline); default: the experiment's (3).",
            HelpName = "N",
        };
        var fidelityCheck = new Option<int?>("--fidelity-check")
        {
            Description = "Instead of comparing methods: train N random configurations at each budget (1, 3, 9) and report how the lower fidelities rank them against the full one.",
            HelpName = "N",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Also write the markdown table to this file.",
            HelpName = "path",
        };
        var trialsOutput = new Option<string?>("--trials")
        {
            Description = "Also write every search's trials to this file, one JSON line each (set, seed, method, trainer, budget, loss, time, hyper-parameters).",
            HelpName = "path",
        };
        var command = new System.CommandLine.Command("pipelines",
            "Search ML.NET pipelines on the data/tabular sets and compare with ML.NET's default trainer settings and random search (held-out test metric).")
        {
            data, methods, seeds, timeLimit, noDefaultsFirst, maxTrials, ensembleSize, fidelityCheck, output, trialsOutput,
        };
        command.SetAction((parse, token) => RunAsync(context, parse.GetValue(data), parse.GetValue(methods), parse.GetValue(seeds),
            parse.GetValue(timeLimit), !parse.GetValue(noDefaultsFirst), parse.GetValue(maxTrials), parse.GetValue(ensembleSize), parse.GetValue(fidelityCheck), parse.GetValue(output), parse.GetValue(trialsOutput), token));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string[]? dataNames, string[]? methodNames, string? seedList,
        string? timeLimitList, bool evaluateDefaultsFirst, int? maxTrials, int? ensembleSize, int? fidelityCheck, string? output, string? trialsOutput, CancellationToken token)
    {
        IReadOnlyList<string> sets, methods;
        IReadOnlyList<int> seeds;
        IReadOnlyList<double> timeLimits;
        try
        {
            sets = NameListParser.Parse(dataNames, "data set", "--data", TabularTasks.Names);
            methods = NameListParser.Parse(methodNames, "method", "--method", ComparisonMethods.Names);
            seeds = SeedListParser.Parse(seedList);
            timeLimits = TimeLimits(timeLimitList);
            if (maxTrials is < 1) throw new UsageException($"--max-trials must be at least 1, got {maxTrials}.");
            if (ensembleSize is < 1 or > 10) throw new UsageException($"--ensemble-size must be 1 to 10, got {ensembleSize}.");
            if (fidelityCheck is < 3) throw new UsageException($"--fidelity-check needs at least 3 configurations to rank, got {fidelityCheck}.");
            if (NasDataSets.Tabular.FindDirectory() is null) throw new UsageException(NasDataSets.Tabular.MissingReason() ?? "data/tabular is missing.");
        }
        catch (Exception e) when (e is UsageException or FormatException)
        {
            context.Stderr.WriteLine($"error: {(e is FormatException ? "--seeds: " : "")}{e.Message}");
            return ExitCodes.Usage;
        }
        try
        {
            if (fidelityCheck is { } configurations)
            {
                var check = await FidelityCheck.RunAsync(context.Stderr, sets, seeds, configurations, token).ConfigureAwait(false);
                context.Stdout.Write(check);
                if (output is not null) await File.WriteAllTextAsync(output, check, CancellationToken.None).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            using var trials = trialsOutput is null ? null : new PipelineTrialLog(trialsOutput);
            var runs = await new PipelineComparison(context.Stderr, evaluateDefaultsFirst, ensembleSize, trials)
                .RunAllAsync(sets, methods, seeds, timeLimits, maxTrials, token).ConfigureAwait(false);
            var table = PipelineComparison.Tables(runs);
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

    private static IReadOnlyList<double> TimeLimits(string? list)
    {
        var parts = (list ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new UsageException("--time-limit needs at least one number of seconds.");
        return parts.Select(part => double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                && seconds > 0 && double.IsFinite(seconds)
                ? seconds
                : throw new UsageException($"--time-limit must be numbers of seconds above 0, got '{part}'."))
            .Distinct().ToArray();
    }
}
