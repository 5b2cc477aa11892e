using System.CommandLine;
using System.CommandLine.Invocation;
using Microsoft.ML.NasTuners.Cli.Bench;
using Microsoft.ML.NasTuners.Cli.Cost;
using Microsoft.ML.NasTuners.Cli.Pipelines;
using Microsoft.ML.NasTuners.Cli.Review;
using Microsoft.ML.NasTuners.Cli.Study;
using Microsoft.ML.NasTuners.Cli.Worker;

namespace Microsoft.ML.NasTuners.Cli;

/// <summary>The <c>nas-tuners</c> command: builds the command tree and runs it in-process.</summary>
internal static class CliApp
{
    /// <summary>Runs the command line <paramref name="args"/> and returns the exit code: 0 done, 1 failed while
    /// running, 2 invalid command line, 130 cancelled. Never throws and never prints a stack trace.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new CliContext(stdout, stderr));

    /// <inheritdoc cref="Run(string[], TextWriter, TextWriter)"/>
    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var parse = BuildRootCommand(context).Parse(args);
            // System.CommandLine would print the errors and the whole help and exit with 1; a short message and the
            // usage exit code are what scripts expect.
            if (parse.Action is ParseErrorAction)
            {
                foreach (var error in parse.Errors)
                    context.Stderr.WriteLine($"error: {error.Message}");
                context.Stderr.WriteLine("Run 'nas-tuners --help' or 'nas-tuners bench --help' for usage.");
                return ExitCodes.Usage;
            }
            // Async invocation hands the action a token that Ctrl+C cancels.
            return parse.InvokeAsync(new InvocationConfiguration
            {
                Output = context.Stdout,
                Error = context.Stderr,
                EnableDefaultExceptionHandler = false,
            }).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            // The actions report their own errors; this is the last guard against a stack trace.
            context.Stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The command tree: <c>nas-tuners bench</c>, <c>study</c>, <c>review</c>, <c>proposal-cost</c>, <c>worker</c> and <c>worker-bench</c>.</summary>
    public static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand("nas-tuners: hyper-parameter and architecture search tools for ML.NET.");
        root.Subcommands.Add(BenchCommand.Create(context));
        root.Subcommands.Add(StudyCommand.Create(context));
        root.Subcommands.Add(ReviewCommand.Create(context));
        root.Subcommands.Add(ProposalCostCommand.Create(context));
        root.Subcommands.Add(Pruning.PruningCommand.Create(context));
        root.Subcommands.Add(PipelinesCommand.Create(context));
        root.Subcommands.Add(WorkerCommand.Create(context));
        root.Subcommands.Add(WorkerBenchCommand.Create(context));
        return root;
    }
}
