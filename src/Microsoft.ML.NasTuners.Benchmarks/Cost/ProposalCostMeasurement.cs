using System.Diagnostics;

namespace Microsoft.ML.NasTuners.Benchmarks.Cost;

/// <summary>
/// Measures what a tuner's proposals cost once it holds a long history, without running the trials that would build
/// it: the tuner is told <c>observations</c> results at uniformly random points of the problem's space (results it did
/// not propose, which every tuner learns from), then proposes and is told the result, as in a run, a few times. Tuning
/// runs reach large histories only after hours; this reaches them in seconds, at the price of a history spread over
/// the space instead of gathered near good points.
/// </summary>
public static class ProposalCostMeasurement
{
    /// <summary>Measures <paramref name="tuner"/> on <paramref name="problem"/>.</summary>
    /// <param name="registry">Where the tuner is looked up.</param>
    /// <param name="tuner">The tuner's name.</param>
    /// <param name="problem">The problem whose space is searched and whose losses are told.</param>
    /// <param name="observations">Results told before the first timed proposal; at least 0.</param>
    /// <param name="proposals">Timed proposals after the first; at least 0.</param>
    /// <param name="seed">Seeds the tuner and the random history.</param>
    /// <param name="cancelAfter">When set, one more proposal is started and cancelled after this delay, and the time it
    /// takes to return after the cancel is measured.</param>
    public static ProposalCost Measure(TunerRegistry registry, string tuner, IBenchmarkProblem problem, int observations,
        int proposals, int seed, TimeSpan? cancelAfter = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfNegative(observations);
        ArgumentOutOfRangeException.ThrowIfNegative(proposals);
        var space = problem.SearchSpace;
        var instance = registry.Create(tuner, space, seed, problem);
        var random = new Random(seed);
        var nextId = 0;
        for (var i = 0; i < observations; i++)
        {
            var settings = new TrialSettings { TrialId = nextId++, Parameter = space.ModelView.Decode(space.ModelView.Sample(random)), Budget = problem.MaxBudget };
            instance.Update(Finished(problem, settings));
        }

        using var process = Process.GetCurrentProcess();
        (double Ms, double CpuMs) Timed()
        {
            var settings = new TrialSettings { TrialId = nextId++ };
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            settings.Parameter = instance.Propose(settings);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            var cpuElapsed = (process.TotalProcessorTime - cpu).TotalMilliseconds;
            instance.Update(Finished(problem, settings));
            return (elapsed, cpuElapsed);
        }

        var first = Timed().Ms;
        var later = new List<(double Ms, double CpuMs)>(proposals);
        for (var k = 0; k < proposals; k++) later.Add(Timed());
        double? cancelLatency = cancelAfter is { } delay ? CancelLatency(instance, nextId, delay) : null;
        process.Refresh();
        return new ProposalCost(tuner, problem.Name, observations, first, later.Select(l => l.Ms).ToArray(),
            later.Select(l => l.CpuMs).ToArray(), cancelLatency, process.PeakWorkingSet64);
    }

    // The time from the cancel to the proposal's return; 0 when the proposal was done before the cancel.
    private static double CancelLatency(ITuner tuner, int trialId, TimeSpan delay)
    {
        using var cancellation = new CancellationTokenSource();
        var proposal = Task.Run(() =>
        {
            try
            {
                tuner.Propose(new TrialSettings { TrialId = trialId }, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                // What a cancelled proposal should do.
            }
        });
        if (proposal.Wait(delay)) return 0;
        var clock = Stopwatch.StartNew();
        cancellation.Cancel();
        proposal.Wait();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static TrialResult Finished(IBenchmarkProblem problem, TrialSettings settings) => new()
    {
        TrialSettings = settings,
        // A single-fidelity problem takes no budget; a multi-fidelity one is evaluated at the budget proposed, or in full.
        Loss = problem.Evaluate(settings.Parameter, problem.MaxBudget is null ? null : settings.Budget ?? problem.MaxBudget),
        Status = TrialStatus.Succeeded,
        DurationInMilliseconds = 1,
    };
}
