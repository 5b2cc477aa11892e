using Microsoft.ML.NasTuners.Pruning;
using Microsoft.ML.NasTuners.Storage;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Visualization.Tests;

/// <summary>The studies the tests plot: a real run through the experiment loop, and hand-made trials whose losses
/// follow a known rule.</summary>
internal static class Studies
{
    public static readonly SearchSpace Space = new()
    {
        ["lr"] = new UniformDoubleOption(1e-4, 1, logBase: true),
        ["layers"] = new UniformIntOption(1, 8),
        ["activation"] = new ChoiceOption("relu", "tanh", "gelu"),
    };

    public const int Epochs = 8;

    // A learning curve that falls with the epochs towards a floor set by the parameters: lr best near 1e-2, 4 layers
    // best, gelu better than the others.
    private static double LossAt(Parameter p, int epoch) =>
        0.1 * Math.Pow(Math.Log10(p["lr"].AsDouble()) + 2, 2) + 0.05 * Math.Abs(p["layers"].AsInt() - 4)
        + (p["activation"].AsString() == "gelu" ? 0 : 0.1) + 1.0 / epoch;

    /// <summary>A TPE study of <paramref name="trials"/> trials kept in a SQLite file, each trial reporting its loss
    /// per epoch to a median pruner: the run's result (with the reports) and the file.</summary>
    public static async Task<ExperimentResult> RunPrunedAsync(string storePath, int trials = 100)
    {
        var result = await new MLContext(seed: 1).Nas().CreateExperiment()
            .SetSearchSpace(Space)
            .SetTuner((s, seed) => new TpeTuner(s, null, seed))
            .SetPruner(new MedianPruner())
            .SetObjective((p, trial, _) =>
            {
                for (var epoch = 1; epoch <= Epochs; epoch++)
                    if (trial.Report(epoch, LossAt(p, epoch))) trial.Prune();
                return LossAt(p, Epochs);
            })
            .SetStudy("pruned", storePath)
            .SetMaxTrials(trials)
            .SetSeed(1)
            .RunAsync();
        return result.EnsureSucceeded();
    }

    /// <summary>Succeeded trials of a space with numbers x and y in [0, 1] and a choice c, drawn with a seeded random,
    /// one after another a millisecond apart, with the loss <paramref name="loss"/> gives.</summary>
    public static StudyData Synthetic(int count, Func<double, double, string, double> loss, int seed = 1)
    {
        var random = new Random(seed);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var trials = new List<StudyTrial>();
        for (var id = 0; id < count; id++)
        {
            double x = random.NextDouble(), y = random.NextDouble();
            var c = new[] { "a", "b", "c" }[random.Next(3)];
            var parameter = Parameter.CreateNestedParameter();
            parameter["x"] = Parameter.FromDouble(x);
            parameter["y"] = Parameter.FromDouble(y);
            parameter["c"] = Parameter.FromString(c);
            var started = start.AddMilliseconds(10 * id);
            trials.Add(new StudyTrial
            {
                Id = id, Parameter = parameter, Status = TrialStatus.Succeeded, Loss = loss(x, y, c),
                StartedAtUtc = started, EndedAtUtc = started.AddMilliseconds(9), DurationMs = 9,
            });
        }
        return new StudyData("synthetic", trials, SyntheticSpace);
    }

    public static readonly SearchSpace SyntheticSpace = new()
    {
        ["x"] = new UniformDoubleOption(0, 1),
        ["y"] = new UniformDoubleOption(0, 1),
        ["c"] = new ChoiceOption("a", "b", "c"),
    };
}
