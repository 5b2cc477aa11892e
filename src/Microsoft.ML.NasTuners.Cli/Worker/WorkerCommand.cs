using System.CommandLine;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Worker;

/// <summary>The <c>worker</c> command: one of many processes, on any machines, running one PostgreSQL study.</summary>
internal static class WorkerCommand
{
    public static System.CommandLine.Command Create(CliContext context)
    {
        var storage = new Option<string>("--storage") { Description = "The PostgreSQL store: postgresql://user:password@host:port/database.", Required = true, HelpName = "url" };
        var study = new Option<string>("--study") { Description = "The study's name; the first worker creates it.", Required = true };
        var problem = new Option<string?>("--problem", "-p") { Description = $"A benchmark problem to minimise ({string.Join(", ", BenchmarkProblems.Names)})." };
        var objective = new Option<string?>("--objective")
        {
            Description = "A user's objective: path/to/Assembly.dll:Namespace.Type.Method (a public static method taking Parameter[, TrialSettings][, CancellationToken] and returning double or Task<double>; the type has a public static SearchSpace).",
        };
        var tuner = new Option<string>("--tuner", "-t") { Description = $"The tuner, the same in every worker ({string.Join(", ", context.Tuners.Names)}).", DefaultValueFactory = _ => "auto" };
        var seed = new Option<int>("--seed") { Description = "The tuner's seed, the same in every worker.", DefaultValueFactory = _ => 1 };
        var workers = new Option<int>("--workers") { Description = "How many workers the study has (auto chooses its tuner by it); the same in every worker.", DefaultValueFactory = _ => 1 };
        var maxTrials = new Option<int?>("--max-trials", "-n") { Description = "Trials in the whole study, across workers." };
        var timeLimit = new Option<double?>("--time-limit") { Description = "Seconds from the study's creation (database clock) after which no trial starts." };
        var budgetLimit = new Option<double?>("--budget-limit") { Description = "Budget (spent plus running) at which no trial starts." };
        var lease = new Option<double>("--lease-seconds") { Description = "A trial without a heartbeat for this long is failed and re-queued once.", DefaultValueFactory = _ => 30 };
        var heartbeat = new Option<double?>("--heartbeat-seconds") { Description = "How often a lease is renewed (default a quarter of the lease)." };
        var delay = new Option<string>("--trial-delay-ms") { Description = "Make each benchmark trial take this long: 100, or a range such as 50-200.", DefaultValueFactory = _ => "0" };
        var pruner = Pruning.PrunerOption.Create();
        var name = new Option<string?>("--name") { Description = "This worker's name in leases (default host:pid:random)." };
        var quiet = QuietOption.Create();
        var command = new System.CommandLine.Command("worker", "Run trials of a PostgreSQL study as one of its workers, until the study's limits are reached. Start as many as you like, on any machines.")
        {
            storage, study, problem, objective, tuner, seed, workers, maxTrials, timeLimit, budgetLimit, lease, heartbeat, delay, pruner, name, quiet,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            TrialDelay trialDelay;
            try
            {
                trialDelay = TrialDelay.Parse(parse.GetValue(delay)!);
            }
            catch (ArgumentException e)
            {
                context.Stderr.WriteLine($"error: {e.Message}");
                return Task.FromResult(ExitCodes.Usage);
            }
            return WorkerAction.RunAsync(context with { Quiet = parse.GetValue(quiet) }, new WorkerSettings(parse.GetValue(storage)!, parse.GetValue(study)!, parse.GetValue(problem),
                parse.GetValue(objective), parse.GetValue(tuner)!, parse.GetValue(seed), parse.GetValue(workers), parse.GetValue(maxTrials),
                parse.GetValue(timeLimit), parse.GetValue(budgetLimit), parse.GetValue(lease), parse.GetValue(heartbeat), trialDelay,
                parse.GetValue(name), parse.GetValue(pruner)!), cancellationToken);
        });
        return command;
    }
}
