using System.CommandLine;
using System.Globalization;
using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Benchmarks.Cost;
using Microsoft.ML.NasTuners.Cli.Bench;

namespace Microsoft.ML.NasTuners.Cli.Cost;

/// <summary>The <c>proposal-cost</c> command: what one proposal costs a tuner that already holds a long history (see
/// <see cref="ProposalCostMeasurement"/>), as a table on stdout.</summary>
internal static class ProposalCostCommand
{
    /// <summary>Creates the command.</summary>
    public static System.CommandLine.Command Create(CliContext context)
    {
        var problem = new Option<string>("--problem", "-p")
        {
            Description = "The problem whose space is searched and whose losses are told.",
            DefaultValueFactory = _ => "hartmann6",
            HelpName = "name",
        };
        var tuner = new Option<string[]>("--tuner", "-t")
        {
            Description = $"Tuners to measure, comma-separated or repeated. ({string.Join(", ", context.Tuners.Names)})",
            HelpName = "names",
        };
        var observations = new Option<string>("--observations")
        {
            Description = "History sizes: results told at random points before the first timed proposal; a list as for --seeds (100,500).",
            DefaultValueFactory = _ => "100,500",
            HelpName = "list",
        };
        var proposals = new Option<int>("--proposals")
        {
            Description = "Timed proposals after the first, each told its result before the next.",
            DefaultValueFactory = _ => 5,
            HelpName = "N",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seeds the tuner and the random history.",
            DefaultValueFactory = _ => 1,
        };
        var cancelAfter = new Option<int?>("--cancel-after")
        {
            Description = "Also start one more proposal, cancel it after this many milliseconds, and report how long it took to return.",
            HelpName = "ms",
        };
        var command = new System.CommandLine.Command("proposal-cost",
            "Time proposals of tuners that hold a long history (told at random points), and the memory they take.")
        {
            problem, tuner, observations, proposals, seed, cancelAfter,
        };
        command.SetAction(parse => Run(context,
            parse.GetValue(problem)!, parse.GetValue(tuner), parse.GetValue(observations), parse.GetValue(proposals),
            parse.GetValue(seed), parse.GetValue(cancelAfter)));
        return command;
    }

    private static int Run(CliContext context, string problemName, string[]? tunerNames, string? observationList, int proposals,
        int seed, int? cancelAfterMs)
    {
        IReadOnlyList<string> tuners;
        IReadOnlyList<int> sizes;
        try
        {
            if (!BenchmarkProblems.Contains(problemName))
                throw new UsageException($"Unknown problem '{problemName}'. Valid problems: {string.Join(", ", BenchmarkProblems.Names)}.");
            if (BenchmarkProblems.MissingData(problemName) is { } reason)
                throw new UsageException($"Problem '{problemName}' cannot run here. {reason}");
            tuners = NameListParser.Parse(tunerNames is { Length: > 0 } ? tunerNames : ["gp-map"], "tuner", "--tuner", context.Tuners.Names);
            sizes = SeedListParser.Parse(observationList);
            if (proposals < 0) throw new UsageException($"--proposals must be at least 0, got {proposals}.");
            if (cancelAfterMs is < 0) throw new UsageException($"--cancel-after must be at least 0 ms, got {cancelAfterMs}.");
        }
        catch (Exception e) when (e is UsageException or FormatException)
        {
            context.Stderr.WriteLine($"error: {(e is FormatException ? "--observations: " : "")}{e.Message}");
            return ExitCodes.Usage;
        }

        var cancelAfter = cancelAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
        context.Stdout.WriteLine("| tuner | problem | observations | first proposal (ms) | median later (ms) | max later (ms) | median later CPU (ms) | max later CPU (ms) | cancel returned after (ms) | peak working set (MB) |");
        context.Stdout.WriteLine("| :--- | :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var name in tuners)
        {
            foreach (var size in sizes)
            {
                context.Stderr.WriteLine($"proposal-cost: {name} on {problemName} with {size} observations...");
                var problem = BenchmarkProblems.Create(problemName, seed: seed);
                try
                {
                    var cost = ProposalCostMeasurement.Measure(context.Tuners, name, problem, size, proposals, seed, cancelAfter);
                    context.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {cost.Tuner} | {cost.Problem} | {cost.Observations} | {cost.FirstMs:F0} | {cost.MedianLaterMs:F0} | {cost.MaxLaterMs:F0} | {cost.MedianLaterCpuMs:F0} | {cost.MaxLaterCpuMs:F0} | {(cost.CancelLatencyMs is { } c ? c.ToString("F0", CultureInfo.InvariantCulture) : "-")} | {cost.PeakWorkingSetBytes / (1024.0 * 1024):F0} |"));
                }
                finally
                {
                    (problem as IDisposable)?.Dispose();
                }
            }
        }
        return ExitCodes.Success;
    }
}
