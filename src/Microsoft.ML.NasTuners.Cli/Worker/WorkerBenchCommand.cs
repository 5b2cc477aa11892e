using System.CommandLine;

namespace Microsoft.ML.NasTuners.Cli.Worker;

/// <summary>The <c>worker-bench</c> command: how many trials per second one PostgreSQL study sustains with 1, 4, 16
/// worker processes and an objective that costs nothing, and what the store adds to each proposal.</summary>
internal static class WorkerBenchCommand
{
    public static System.CommandLine.Command Create(CliContext context)
    {
        var storage = new Option<string>("--storage") { Description = "The PostgreSQL store to measure: postgresql://user:password@host:port/database.", Required = true, HelpName = "url" };
        var workers = new Option<string>("--workers") { Description = "Worker processes to measure, comma-separated.", DefaultValueFactory = _ => "1,4,16" };
        var trials = new Option<int>("--trials", "-n") { Description = "Trials per measurement.", DefaultValueFactory = _ => 200 };
        var tuner = new Option<string>("--tuner", "-t") { Description = "The tuner (random keeps its own cost out of the measurement).", DefaultValueFactory = _ => "random" };
        var keep = new Option<bool>("--keep") { Description = "Keep the measured studies (default: delete them)." };
        var command = new System.CommandLine.Command("worker-bench", "Measure the trials per second a PostgreSQL study sustains with several worker processes and a no-op objective, and the store's latency per proposal.")
        {
            storage, workers, trials, tuner, keep,
        };
        command.SetAction((parse, cancellationToken) => WorkerBenchAction.RunAsync(context, parse.GetValue(storage)!, parse.GetValue(workers)!,
            parse.GetValue(trials), parse.GetValue(tuner)!, parse.GetValue(keep), cancellationToken));
        return command;
    }
}
