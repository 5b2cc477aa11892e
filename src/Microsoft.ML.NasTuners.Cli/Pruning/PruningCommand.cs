using System.CommandLine;
using System.Globalization;
using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Benchmarks.Pruning;
using Microsoft.ML.NasTuners.Cli.Bench;

namespace Microsoft.ML.NasTuners.Cli.Pruning;

/// <summary>The <c>pruning</c> command: pruners against none at equal total epochs (see
/// <see cref="PruningComparison"/>), a table of regrets on stdout.</summary>
internal static class PruningCommand
{
    /// <summary>Creates the command.</summary>
    public static System.CommandLine.Command Create(CliContext context)
    {
        var problem = new Option<string>("--problem", "-p")
        {
            Description = "A multi-fidelity problem whose budget is read as epochs.",
            DefaultValueFactory = _ => "mf_hartmann6",
            HelpName = "name",
        };
        var tuner = new Option<string>("--tuner", "-t")
        {
            Description = $"The tuner of every arm. ({string.Join(", ", context.Tuners.Names)})",
            DefaultValueFactory = _ => "random",
            HelpName = "name",
        };
        var pruners = new Option<string>("--pruners")
        {
            Description = $"Pruners to compare, comma-separated. ({string.Join(", ", BenchmarkPruners.Names)})",
            DefaultValueFactory = _ => string.Join(",", PruningComparison.Pruners),
            HelpName = "names",
        };
        var fullTrainings = new Option<int>("--full-trainings")
        {
            Description = "The epochs of each run, in full trainings (times the problem's full budget).",
            DefaultValueFactory = _ => 50,
            HelpName = "N",
        };
        var seeds = new Option<string>("--seeds")
        {
            Description = "Seeds: 7, 1-10 or 1,3,5.",
            DefaultValueFactory = _ => "1-10",
            HelpName = "list",
        };
        var quiet = QuietOption.Create();
        var command = new System.CommandLine.Command("pruning",
            "Compare pruners (median, ASHA) with no pruning at equal total epochs, reading a multi-fidelity problem as learning curves.")
        {
            problem, tuner, pruners, fullTrainings, seeds, quiet,
        };
        command.SetAction((parse, ct) => RunAsync(context with { Quiet = parse.GetValue(quiet) }, parse.GetValue(problem)!, parse.GetValue(tuner)!, parse.GetValue(pruners)!,
            parse.GetValue(fullTrainings), parse.GetValue(seeds), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string problemName, string tuner, string prunerList, int fullTrainings,
        string? seedList, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> pruners;
        IReadOnlyList<int> seeds;
        double maxBudget;
        try
        {
            if (!BenchmarkProblems.Contains(problemName))
                throw new UsageException($"Unknown problem '{problemName}'. Valid problems: {string.Join(", ", BenchmarkProblems.Names)}.");
            if (BenchmarkProblems.Create(problemName).MaxBudget is not { } max)
                throw new UsageException($"Problem '{problemName}' has no budget range to read as epochs; use a multi-fidelity problem such as mf_hartmann6.");
            maxBudget = max;
            if (!context.Tuners.Contains(tuner))
                throw new UsageException($"Unknown tuner '{tuner}'. Valid tuners: {string.Join(", ", context.Tuners.Names)}.");
            pruners = NameListParser.Parse([prunerList], "pruner", "--pruners", BenchmarkPruners.Names);
            seeds = SeedListParser.Parse(seedList);
            if (fullTrainings < 1) throw new UsageException($"--full-trainings must be at least 1, got {fullTrainings}.");
        }
        catch (Exception e) when (e is UsageException or FormatException)
        {
            context.Stderr.WriteLine($"error: {(e is FormatException ? "--seeds: " : "")}{e.Message}");
            return ExitCodes.Usage;
        }

        var epochs = (long)(fullTrainings * maxBudget);
        var runs = new List<PruningRun>();
        foreach (var pruner in pruners)
        {
            foreach (var seed in seeds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                runs.Add(await PruningComparison.RunAsync(context.Tuners, problemName, tuner, pruner, seed, epochs, cancellationToken).ConfigureAwait(false));
            }
            if (!context.Quiet) context.Stderr.WriteLine($"pruning: {pruner} done ({seeds.Count} seeds)");
        }

        var stdout = context.Stdout;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{problemName}, tuner {tuner}, {epochs} epochs per run ({fullTrainings} full trainings of {maxBudget}), seeds {string.Join(",", seeds)}"));
        stdout.WriteLine();
        stdout.WriteLine("| pruner | median regret | q25 | q75 | trials started (mean) | full trainings (mean) | pruned (mean) |");
        stdout.WriteLine("| :--- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var pruner in pruners)
        {
            var of = runs.Where(r => r.Pruner == pruner).ToArray();
            var regrets = of.Select(r => r.Regret).ToArray();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {pruner} | {Quantiles.Median(regrets):G3} | {Quantiles.Of(regrets, 0.25):G3} | {Quantiles.Of(regrets, 0.75):G3} | {of.Average(r => r.Trials):0.#} | {of.Average(r => r.FullTrainings):0.#} | {of.Average(r => r.Pruned):0.#} |"));
        }
        return ExitCodes.Success;
    }
}
