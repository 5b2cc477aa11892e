using System.CommandLine;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary>The <c>bench</c> command: its options and the binding of a parse result to <see cref="BenchSettings"/>.</summary>
internal static class BenchCommand
{
    /// <summary>Default trials per run.</summary>
    public const int DefaultTrials = 100;

    /// <summary>Default seed list.</summary>
    public const string DefaultSeeds = "1-10";

    /// <summary>Creates the command; its action runs <see cref="BenchAction"/>.</summary>
    public static System.CommandLine.Command Create(CliContext context)
    {
        var problem = new Option<string[]>("--problem", "-p")
        {
            Description = $"Problems to run, comma-separated or repeated, or 'all'. See --list. ({string.Join(", ", BenchmarkProblems.Names)})",
            HelpName = "names",
        };
        var tuner = new Option<string[]>("--tuner", "-t")
        {
            Description = $"Tuners to run, comma-separated or repeated, or 'all'. ({string.Join(", ", context.Tuners.Names)})",
            HelpName = "names",
        };
        var trials = new Option<int>("--trials", "-n")
        {
            Description = "Trials per run (problem, tuner, seed).",
            DefaultValueFactory = _ => DefaultTrials,
        };
        var seeds = new Option<string>("--seeds", "-s")
        {
            Description = "Seeds: a number (7), a range (1-20), a list (1,3,5) or a mixture (1-5,9).",
            DefaultValueFactory = _ => DefaultSeeds,
            HelpName = "list",
        };
        var parallel = new Option<int>("--parallel")
        {
            Description = "Simulated parallel workers per run: this many trials are pending at once (deterministic).",
            DefaultValueFactory = _ => 1,
            HelpName = "N",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write every trial as one JSON object per line (JSON Lines) to this file as trials finish, replacing it. Default: no file.",
            HelpName = "file",
        };
        var resume = new Option<bool>("--resume")
        {
            Description = "With --out FILE: keep the runs FILE already holds completely, drop its unfinished ones, run only the rest (appending) and summarise all. Use the options that wrote FILE.",
        };
        var threads = ThreadsOption.Create();
        var quiet = QuietOption.Create();
        var budgetLimit = new Option<double?>("--budget-limit")
        {
            Description = "Stop each run after K full-budget equivalents (the problem's max budget; one trial of a single-fidelity problem) instead of a trial count; --trials, if given, still caps the trials.",
            HelpName = "K",
        };
        var noContinuation = new Option<bool>("--no-continuation")
        {
            Description = "Charge a promoted configuration its whole budget, as if it restarted training (default: only the extra budget).",
        };
        var yahpoTask = new Option<string>("--yahpo-task")
        {
            Description = "The OpenML task of yahpo_lcbench.",
            DefaultValueFactory = _ => YahpoLcBenchProblem.DefaultTask,
            HelpName = "id",
        };
        var verify = new Option<string?>("--verify")
        {
            Description = "Re-run a baseline file's own plan and compare every trial exactly; exit 1 naming each run that moved. Takes no --problem, --tuner or plan options.",
            HelpName = "file",
        };
        var writeBaseline = new Option<string?>("--write-baseline")
        {
            Description = "After the run, write a baseline of it (plan, and per trial loss, budget, status, parameter fingerprint) for --verify.",
            HelpName = "file",
        };
        var list = new Option<bool>("--list")
        {
            Description = "List the problems (with dimension, budget, f*) and the tuners, then exit.",
        };

        var command = new System.CommandLine.Command("bench", "Benchmark tuners on standard problems: prints a regret summary per (problem, tuner).")
        {
            problem, tuner, trials, seeds, parallel, budgetLimit, noContinuation, yahpoTask, output, resume, threads, verify, writeBaseline, list, quiet,
        };
        // Ctrl+C is caught here (CtrlC), as the invocation sets no process-termination timeout and System.CommandLine
        // would never cancel the token. On the thread pool too: should it be asked to, it listens only once the action
        // has handed back its task, which a synchronous action does when it has finished.
        command.SetAction((parse, cancellationToken) => Task.Run(() =>
        {
            using var ctrlC = CtrlC.Cancels(cancellationToken);
            return Invoke(parse, ctrlC.Token);
        }, CancellationToken.None));
        return command;

        int Invoke(ParseResult parse, CancellationToken cancellationToken) =>
            InvokeIn(context with { Quiet = parse.GetValue(quiet) }, parse, cancellationToken);

        int InvokeIn(CliContext context, ParseResult parse, CancellationToken cancellationToken)
        {
            if (parse.GetValue(list))
                return BenchListing.Print(context);
            if (parse.GetValue(verify) is { } baseline)
            {
                // The baseline is its own plan: options that would change it would make the comparison meaningless.
                Option[] planOptions = [problem, tuner, trials, seeds, parallel, budgetLimit, noContinuation, yahpoTask, output, resume, writeBaseline];
                if (planOptions.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false }) is { } extra)
                {
                    context.Stderr.WriteLine($"error: --verify re-runs the baseline's own plan and takes no {extra.Name}.");
                    return ExitCodes.Usage;
                }
                return VerifyAction.Run(context, baseline, parse.GetValue(threads), cancellationToken);
            }
            return BenchAction.Run(context, () =>
            {
                var (problems, missing) = AvailableProblems(parse.GetValue(problem));
                return new BenchSettings
                {
                    Problems = problems,
                    MissingData = missing,
                    Tuners = NameListParser.Parse(parse.GetValue(tuner), "tuner", "--tuner", context.Tuners.Names),
                    Seeds = ParseSeeds(parse.GetValue(seeds)),
                    // With a budget limit the budget ends a run; trials cap it only when given.
                    Trials = parse.GetValue(budgetLimit) is not null && parse.GetResult(trials) is not { Implicit: false }
                        ? int.MaxValue
                        : AtLeastOne(parse.GetValue(trials), "--trials"),
                    BudgetLimit = PositiveBudget(parse.GetValue(budgetLimit)),
                    CountContinuation = !parse.GetValue(noContinuation),
                    YahpoTask = NonBlankTask(parse.GetValue(yahpoTask)),
                    Parallel = AtLeastOne(parse.GetValue(parallel), "--parallel"),
                    Threads = AtLeastOne(parse.GetValue(threads), "--threads"),
                    OutputPath = NonBlank(parse.GetValue(output), "--out"),
                    Resume = ResumeNeedsOutput(parse.GetValue(resume), parse.GetValue(output)),
                    BaselinePath = NonBlank(parse.GetValue(writeBaseline), "--write-baseline"),
                };
            }, cancellationToken);
        }
    }

    // A problem whose data set is missing is an error when named, and left out (with its reason) when reached through
    // 'all', so that 'all' runs everything this machine can.
    private static (IReadOnlyList<string> Problems, IReadOnlyList<(string, string)> Missing) AvailableProblems(string[]? values)
    {
        var named = NameListParser.Parse(values, "problem", "--problem", BenchmarkProblems.Names);
        var explicitly = NameListParser.NamedExplicitly(values);
        var missing = new List<(string, string)>();
        var available = new List<string>();
        foreach (var name in named)
        {
            if (BenchmarkProblems.MissingData(name) is not { } reason) available.Add(name);
            else if (explicitly.Contains(name)) throw new UsageException($"Problem '{name}' cannot run here. {reason}");
            else missing.Add((name, reason));
        }
        if (available.Count == 0)
            throw new UsageException($"None of the named problems can run here: {string.Join(" ", missing.Select(m => m.Item2).Distinct())}");
        return (available, missing);
    }

    private static IReadOnlyList<int> ParseSeeds(string? text)
    {
        try
        {
            return SeedListParser.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--seeds: {e.Message}");
        }
    }

    private static int AtLeastOne(int value, string option) => value >= 1
        ? value
        : throw new UsageException($"{option} must be at least 1, got {value}.");

    private static double? PositiveBudget(double? value) => value is not { } k || (k > 0 && double.IsFinite(k))
        ? value
        : throw new UsageException($"--budget-limit must be a number of full budgets greater than 0, got {k}.");

    private static string NonBlankTask(string? task) => string.IsNullOrWhiteSpace(task)
        ? throw new UsageException("--yahpo-task needs an OpenML task id (for example 3945).")
        : task.Trim();

    private static bool ResumeNeedsOutput(bool resume, string? output) => !resume || output is not null
        ? resume
        : throw new UsageException("--resume needs --out FILE, the file to continue.");

    private static string? NonBlank(string? path, string option) => path is null
        ? null
        : string.IsNullOrWhiteSpace(path) ? throw new UsageException($"{option} needs a file name.") : path;
}
