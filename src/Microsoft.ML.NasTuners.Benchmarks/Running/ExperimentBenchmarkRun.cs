using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// One benchmark run through the user's experiment loop, so every benchmark number is one a user gets: the loop
/// proposes, runs and records the trials with its own status rules and incumbent; the benchmark adds simulated workers
/// (the oldest trial ends first, so <c>--parallel</c> runs reproduce), its budget accounting and its records.
/// </summary>
internal static class ExperimentBenchmarkRun
{
    /// <summary>Runs <paramref name="tuner"/> on <paramref name="problem"/>, handing each record to
    /// <paramref name="onTrial"/> as the loop records its trial; see <see cref="BenchmarkRunner.RunOne"/>.</summary>
    public static void Run(IBenchmarkProblem problem, string tunerName, ITuner tuner, int seed, int trials,
        int parallel, Action<TrialRecord> onTrial, CancellationToken cancellationToken, double? budgetLimit, bool countContinuation)
    {
        var budgeted = problem.MaxBudget is not null;
        var fullBudget = problem.MaxBudget ?? 1;
        var accounting = new ContinuationAccounting(budgeted, fullBudget, countContinuation);
        var timed = new TimedTuner(tuner, tunerName, problem.Name, seed);
        var recorder = new TrialRecorder(problem, tunerName, seed, timed, accounting, onTrial, cancellationToken);
        var config = new ExperimentConfiguration(
            MaxTrials: trials,
            TimeLimit: null,
            TrialTimeout: null,
            DegreeOfParallelism: parallel,
            Budget: budgeted ? new BudgetRange(problem.MinBudget ?? fullBudget, fullBudget) : null,
            // The loop stops proposing once the budget spent and pending reaches the limit, counted as the runs charge it.
            BudgetLimit: budgetLimit * fullBudget,
            CompleteInProposalOrder: true,
            ExpectedCost: accounting.Cost,
            SpentBudget: accounting.Charge,
            KeepTrials: false,
            // The problems evaluate before they return: the loop runs on this (thread-pool) thread alone.
            InlineTrials: true);
        var loop = new ExperimentLoop(config, timed, new ProblemTrialRunner(problem), [recorder], progress: null, NullLogger.Instance);
        var result = loop.RunAsync(cancellationToken).GetAwaiter().GetResult();
        cancellationToken.ThrowIfCancellationRequested();
        if (result.Fault is { } fault)
        {
            // The loop wraps what broke; the benchmark reports the tuner's or the writer's own exception.
            ExceptionDispatchInfo.Capture(fault.InnerException ?? fault).Throw();
        }
    }
}
