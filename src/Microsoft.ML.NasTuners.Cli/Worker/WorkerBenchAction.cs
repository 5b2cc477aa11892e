using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.ML.NasTuners.Postgres;

namespace Microsoft.ML.NasTuners.Cli.Worker;

/// <summary>
/// What <c>worker-bench</c> does: for each worker count, a new study of branin (an objective that takes nanoseconds)
/// run by that many <c>nas-tuners worker</c> processes to a trial limit. Throughput is the trials divided by the span
/// from the first trial's start to the last one's end (process start-up is outside it); the store's latency is what
/// each worker's asks took less the time its tuner took, per trial, averaged over the workers.
/// </summary>
internal static partial class WorkerBenchAction
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(CliContext context, string storage, string workerList, int trials, string tuner, bool keep,
        CancellationToken cancellationToken)
    {
        List<int> counts;
        try
        {
            counts = workerList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(w => int.Parse(w, NumberStyles.None, CultureInfo.InvariantCulture)).ToList();
        }
        catch (FormatException)
        {
            context.Stderr.WriteLine($"error: --workers takes counts separated by commas (1,4,16), not '{workerList}'.");
            return ExitCodes.Usage;
        }
        if (counts.Count == 0 || counts.Any(c => c < 1) || trials < 1)
        {
            context.Stderr.WriteLine("error: --workers are at least 1 each, and --trials at least 1.");
            return ExitCodes.Usage;
        }

        try
        {
            using var store = new PostgresTrialStore(storage);
            context.Stdout.WriteLine($"| workers | trials | seconds | trials/s | store ms per proposal | tuner ms per trial |");
            context.Stdout.WriteLine($"|---:|---:|---:|---:|---:|---:|");
            foreach (var count in counts)
            {
                var study = $"worker-bench-{count}-{Guid.NewGuid().ToString("N")[..8]}";
                var summaries = await RunWorkersAsync(context, storage, study, count, trials, tuner, cancellationToken).ConfigureAwait(false);
                var recorded = store.GetTrials(study);
                var span = (recorded.Max(t => t.EndedAtUtc ?? t.StartedAtUtc) - recorded.Min(t => t.StartedAtUtc)).TotalSeconds;
                context.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {count} | {recorded.Count} | {span:0.00} | {recorded.Count / span:0.0} | {summaries.Average(s => s.StoreMs):0.00} | {summaries.Average(s => s.TunerMsPerTrial):0.00} |"));
                if (!keep) store.DeleteStudy(study);
            }
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or TimeoutException)
        {
            context.Stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static async Task<List<(double StoreMs, double TunerMsPerTrial)>> RunWorkersAsync(CliContext context, string storage, string study,
        int count, int trials, string tuner, CancellationToken cancellationToken)
    {
        string[] args =
        [
            "worker", "--storage", storage, "--study", study, "--problem", "branin", "--tuner", tuner, "--seed", "1",
            "--workers", count.ToString(CultureInfo.InvariantCulture), "--max-trials", trials.ToString(CultureInfo.InvariantCulture),
        ];
        var processes = Enumerable.Range(0, count).Select(_ => StartSelf(args)).ToList();
        try
        {
            var outputs = await Task.WhenAll(processes.Select(async p =>
            {
                var stdout = p.StandardOutput.ReadToEndAsync(cancellationToken);
                var stderr = p.StandardError.ReadToEndAsync(cancellationToken);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(Timeout);
                await p.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                if (p.ExitCode != 0)
                    throw new InvalidOperationException($"A worker exited with {p.ExitCode}: {(await stderr.ConfigureAwait(false)).Trim()}");
                return await stdout.ConfigureAwait(false);
            })).ConfigureAwait(false);
            return outputs.Select(Parse).ToList();
        }
        finally
        {
            foreach (var p in processes)
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
                p.Dispose();
            }
        }
    }

    private static (double StoreMs, double TunerMsPerTrial) Parse(string stdout)
    {
        var match = SummaryLine().Match(stdout);
        if (!match.Success) throw new InvalidOperationException($"A worker printed no summary: {stdout.Trim()}");
        var recorded = double.Parse(match.Groups["recorded"].Value, CultureInfo.InvariantCulture);
        var tuner = double.Parse(match.Groups["tuner"].Value, CultureInfo.InvariantCulture);
        return (double.Parse(match.Groups["store"].Value, CultureInfo.InvariantCulture), recorded == 0 ? 0 : tuner / recorded);
    }

    /// <summary>This tool again, as its own process, however it was started (apphost, or dotnet nas-tuners.dll).</summary>
    internal static Process StartSelf(IEnumerable<string> args)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {host}.");
    }

    [GeneratedRegex(@": (?<recorded>\d+) recorded, \d+ refused; ask [\d.]+ ms, tuner (?<tuner>[\d.]+) ms, store (?<store>[\d.]+) ms per trial")]
    private static partial Regex SummaryLine();
}
