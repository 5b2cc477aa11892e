namespace Microsoft.ML.NasTuners.Benchmarks.Tests.Review;

/// <summary>Hand-made trial records of single-fidelity runs whose regret after each trial is given.</summary>
internal static class ReviewRecords
{
    public static IEnumerable<TrialRecord> Run(string problem, string tuner, int seed, params double?[] regrets) =>
        regrets.Select((regret, trial) => new TrialRecord
        {
            Problem = problem,
            Tuner = tuner,
            Seed = seed,
            Trial = trial,
            SpentBudget = trial + 1,
            Loss = regret,
            Best = regret,
            Regret = regret,
            ProposeMs = 0.5 * (trial + 1),
            Status = TrialStatus.Succeeded,
        });

    /// <summary>Tuners a, b, c on two problems and six seeds: after two trials all at regret 5; after four a has
    /// 0.01·seed, b 0.1·seed and c 1·seed, so a wins every cell by a factor 10 over b and 100 over c.</summary>
    public static IReadOnlyList<TrialRecord> Ordered() =>
        (from problem in new[] { "branin", "hartmann3" }
         from seed in Enumerable.Range(1, 6)
         from run in new[]
         {
             Run(problem, "a", seed, 5, 5, 1, 0.01 * seed),
             Run(problem, "b", seed, 5, 5, 1, 0.1 * seed),
             Run(problem, "c", seed, 5, 5, 2, 1.0 * seed),
         }
         from record in run
         select record).ToArray();
}
