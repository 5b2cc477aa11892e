using System.CommandLine;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Study;

/// <summary>The <c>study</c> command: <c>list</c>, <c>show</c>, <c>export</c> the studies of a store, <c>run</c> a
/// benchmark problem as a durable study (which a killed run resumes), and <c>report</c> one as an HTML page.</summary>
internal static class StudyCommand
{
    public static System.CommandLine.Command Create(CliContext context)
    {
        var command = new System.CommandLine.Command("study", "Look at, export and run durable studies (SQLite files, PostgreSQL, or memory).");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Export(context));
        command.Subcommands.Add(Run(context));
        command.Subcommands.Add(Report(context));
        return command;
    }

    private static Option<string> Storage() => new("--storage")
    {
        Description = CliStores.Help,
        Required = true,
        HelpName = "path",
    };

    private static Option<string> StudyName() => new("--study")
    {
        Description = "The study's name.",
        Required = true,
        HelpName = "name",
    };

    private static System.CommandLine.Command List(CliContext context)
    {
        var storage = Storage();
        var command = new System.CommandLine.Command("list", "Every study of the store, with its trials by status and its best loss.") { storage };
        command.SetAction(parse => StudyActions.List(context, parse.GetValue(storage)!));
        return command;
    }

    private static System.CommandLine.Command Show(CliContext context)
    {
        var storage = Storage();
        var study = StudyName();
        var command = new System.CommandLine.Command("show", "One study: its attributes, its trials by status, the best trial and the trial table.") { storage, study };
        command.SetAction(parse => StudyActions.Show(context, parse.GetValue(storage)!, parse.GetValue(study)!));
        return command;
    }

    private static System.CommandLine.Command Export(CliContext context)
    {
        var storage = Storage();
        var study = StudyName();
        var format = new Option<string>("--format")
        {
            Description = "csv or jsonl.",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var output = new Option<string?>("--out", "-o")
        {
            Description = "The file to write; default standard output.",
            HelpName = "file",
        };
        var command = new System.CommandLine.Command("export", "Every trial of a study as CSV or JSON Lines.") { storage, study, format, output };
        command.SetAction(parse => StudyActions.Export(context, parse.GetValue(storage)!, parse.GetValue(study)!,
            parse.GetValue(format)!, parse.GetValue(output)));
        return command;
    }

    private static System.CommandLine.Command Run(CliContext context)
    {
        var storage = Storage();
        var study = StudyName();
        var problem = new Option<string>("--problem", "-p")
        {
            Description = $"The benchmark problem to minimise ({string.Join(", ", BenchmarkProblems.Names)}).",
            Required = true,
        };
        var tuner = new Option<string>("--tuner", "-t")
        {
            Description = $"The tuner ({string.Join(", ", context.Tuners.Names)}).",
            DefaultValueFactory = _ => "auto",
        };
        var trials = new Option<int>("--trials", "-n") { Description = "Trials in the whole study (a resumed run counts the earlier ones).", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "The tuner's seed; resume with the same one.", DefaultValueFactory = _ => 1 };
        var parallel = new Option<int>("--parallel") { Description = "Trials at once.", DefaultValueFactory = _ => 1 };
        var delay = new Option<int>("--trial-delay-ms")
        {
            Description = "Make each trial take at least this long (to watch, or kill, a run that would otherwise end at once).",
            DefaultValueFactory = _ => 0,
        };
        var pruner = Pruning.PrunerOption.Create();
        var shared = new Option<bool>("--shared")
        {
            Description = "Other processes run this study at the same time (on one SQLite file): their running trials are left to them, not re-run as interrupted, and every process learns every trial's result.",
        };
        var quiet = QuietOption.Create();
        var command = new System.CommandLine.Command("run", "Run a benchmark problem as a durable study: trials are written as they start and end; running the same command again resumes it.")
        {
            storage, study, problem, tuner, trials, seed, parallel, delay, pruner, shared, quiet,
        };
        command.SetAction((parse, cancellationToken) => StudyActions.RunAsync(context, new StudyRunSettings(
            parse.GetValue(storage)!, parse.GetValue(study)!, parse.GetValue(problem)!, parse.GetValue(tuner)!,
            parse.GetValue(trials), parse.GetValue(seed), parse.GetValue(parallel), parse.GetValue(delay))
            {
                Quiet = parse.GetValue(quiet), Pruner = parse.GetValue(pruner)!, Shared = parse.GetValue(shared),
            }, cancellationToken));
        return command;
    }

    private static System.CommandLine.Command Report(CliContext context)
    {
        var storage = Storage();
        var study = StudyName();
        var output = new Option<string>("--out", "-o")
        {
            Description = "The HTML file to write (self-contained: plots inline, nothing loaded from the network).",
            Required = true,
            HelpName = "file",
        };
        var seed = new Option<int>("--seed") { Description = "Seeds the parameter importance.", DefaultValueFactory = _ => 0 };
        var command = new System.CommandLine.Command("report", "One study as a self-contained HTML page: the best trial, its plots, the parameter importance and the trial table.")
        {
            storage, study, output, seed,
        };
        command.SetAction(parse => StudyActions.Report(context, parse.GetValue(storage)!, parse.GetValue(study)!,
            parse.GetValue(output)!, parse.GetValue(seed)));
        return command;
    }
}
