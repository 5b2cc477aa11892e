// Searches CNN architectures for the 8x8 digits with a multi-fidelity tuner (budget = epochs), then trains the best
// configuration at the full budget on the training and validation parts as an ML.NET estimator and tests it on the
// held-out test part. The last line printed is "test accuracy: <fraction>".
//
//   dotnet run --project examples/DigitsNas -c Release -- [--time 480] [--trials n] [--tuner bohb] [--seed 1]
//                                                          [--epochs 27] [--parallel 2]
//
//   --time      seconds for the search (SetTimeLimit); the final training and the test come after it. Default 480.
//   --trials    stop the search after this many trials instead (no time limit unless --time is also given). With
//               --parallel 1 a trial-limited search gives the same result on every run and machine.
//   --tuner     bohb (default), hyperband, random, sobol or tpe. bohb and hyperband give each configuration 1, 3, 9 or
//               27 epochs (eta 3) and continue promoted configurations from their checkpoints; the others train every
//               configuration the full --epochs.
//   --seed      seed of the tuner, of the weights and of the final training. Default 1.
//   --epochs    the full budget in epochs (the most a trial trains, and what the final training trains). Default 27.
//   --parallel  trials at once, one torch thread each. Default 2 (both cores of a small machine). With 1 the same seed
//               gives the same search.
//
// Progress goes to stderr, results to stdout. The data is the repository's data/digits/digits.csv.gz (found automatically;
// or set NASTUNERS_DIGITS), split 60/20/20 into train, validation and test parts. On Debian 12 / Ubuntu 22.04 the
// TorchSharp native library is made loadable automatically (see TorchNative).
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.NasTuners;
using Microsoft.ML.NasTuners.TorchSharp;
using Microsoft.ML.NasTuners.Tuners;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args);
if (options is null) return 2;

var clock = Stopwatch.StartNew();
var mlContext = new MLContext(options.Seed);
var split = DigitsDataset.Load();
Console.Error.WriteLine($"digits: {split.Train.Count} train, {split.Validation.Count} validation, {split.Test.Count} test; " +
                        $"tuner {options.Tuner}, {(options.TimeLimit is { } t ? $"{t} s" : "no time limit")}{(options.Trials is { } n ? $", {n} trials" : "")}, {options.Epochs} epochs at most, seed {options.Seed}, {options.Parallel} at once");

// Every trial trains on the training part and reports its validation error; the search never sees the test part.
// One torch thread per trial: small networks on 8x8 images gain little from more, and lose a lot on a busy machine.
var runner = new CnnTrialRunner(split.Train, split.Validation, new CnnTrialRunnerOptions
{
    MinEpochs = 1,
    MaxEpochs = options.Epochs,
    Seed = options.Seed,
    MaxThreads = 1,
    Objective = CnnObjective.ValidationError,
});

// Up to 3 stages of up to 2 blocks and 64 channels: wide enough for 99% on digits, small enough to train in seconds.
var searchSpace = new CnnSearchSpaceOptions { MaxStages = 3, MaxBlocksPerStage = 2, MinChannels = 8, MaxChannels = 64 };
var experiment = mlContext.Nas().ImageClassification(runner, searchSpace); // budgets: [1, Epochs] epochs
if (options.TimeLimit is { } seconds) experiment.SetTimeLimit(seconds);
var result = await experiment
    .SetTuner(options.CreateTuner)
    .SetMaxTrials(options.Trials ?? 100_000)
    .SetDegreeOfParallelism(options.Parallel)
    .SetSeed(options.Seed)
    .AddMonitor(new ProgressMonitor(clock))
    .RunAsync();
Console.Error.WriteLine(result.Summary);

var best = result.EnsureSucceeded().BestTrial!;
var configuration = CnnConfiguration.FromParameter(best.TrialSettings.Parameter);
Console.WriteLine($"trials: {result.Trials.Count} in {result.Elapsed.TotalSeconds:F0} s ({result.TotalBudgetSpent:G6} epochs trained)");
Console.WriteLine($"best architecture: {configuration.Architecture.ToArchitectureString()}");
Console.WriteLine($"best training: {configuration.Training}");
Console.WriteLine($"validation accuracy: {best.Metric:F4} (trial {best.TrialSettings.TrialId}, {best.TrialSettings.Budget:G6} epochs)");

// The chosen configuration as an ordinary ML.NET estimator, trained from scratch at the full budget on the training
// and validation parts together (more data than any trial saw), then scored on the test part.
Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F0}s] training the best configuration for {options.Epochs} epochs on train+validation ...");
var estimator = mlContext.MulticlassClassification.Trainers.TorchSharpCnn(new CnnImageClassificationOptions
{
    Architecture = configuration.Architecture,
    Training = configuration.Training,
    Epochs = options.Epochs,
    Seed = options.Seed,
    MaxThreads = 1,
});
var model = estimator.Fit(split.Train.Concat(split.Validation).ToDataView(mlContext));
var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(split.Test.ToDataView(mlContext)));
Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F0}s] done (macro accuracy {metrics.MacroAccuracy:F4})");
Console.WriteLine($"test accuracy: {metrics.MicroAccuracy:F4}");
return 0;

internal sealed record Options(double TimeSeconds, string Tuner, int Seed, int Epochs, int Parallel, int? Trials = null)
{
    /// <summary>True when --time was given; a trial-limited search has no time limit otherwise.</summary>
    public bool TimeGiven { get; init; }

    /// <summary>The search's time limit, or null for none.</summary>
    public double? TimeLimit => Trials is null || TimeGiven ? TimeSeconds : null;

    private static readonly string[] Tuners = ["bohb", "hyperband", "random", "sobol", "tpe"];

    public ITuner CreateTuner(SearchSpace space, int seed) => Tuner switch
    {
        // Rungs of 1, 3, 9 and 27 epochs for the default 27; whole epochs for any other full budget.
        "bohb" => new BohbTuner(space, new BohbOptions { MinBudget = 1, MaxBudget = Epochs, Eta = 3, RoundBudgets = true }, seed),
        "hyperband" => new HyperbandTuner(space, new HyperbandOptions { MinBudget = 1, MaxBudget = Epochs, Eta = 3, RoundBudgets = true }, seed),
        "random" => new RandomSearchTuner(space, seed),
        "sobol" => new SobolTuner(space, seed),
        "tpe" => new TpeTuner(space, seed: seed),
        _ => throw new InvalidOperationException($"unknown tuner {Tuner}"),
    };

    public static Options? Parse(string[] args)
    {
        var options = new Options(480, "bohb", 1, 27, 2);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                options = args[i] switch
                {
                    "--time" => options with { TimeSeconds = double.Parse(Value(), CultureInfo.InvariantCulture), TimeGiven = true },
                    "--trials" => options with { Trials = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--tuner" => options with { Tuner = Value().ToLowerInvariant() },
                    "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--epochs" => options with { Epochs = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--parallel" => options with { Parallel = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "-h" or "--help" => null,
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
                if (options is null) break;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                options = null;
                break;
            }
        }
        if (options is not null && !Tuners.Contains(options.Tuner))
        {
            Console.Error.WriteLine($"error: --tuner must be one of {string.Join(", ", Tuners)}, not {options.Tuner}");
            options = null;
        }
        else if (options is { TimeSeconds: <= 0 } or { Epochs: < 1 } or { Parallel: < 1 } or { Trials: < 1 })
        {
            Console.Error.WriteLine("error: --time must be > 0, --trials, --epochs and --parallel at least 1");
            options = null;
        }
        if (options is null)
            Console.Error.WriteLine("usage: DigitsNas [--time seconds (480)] [--trials n] [--tuner bohb|hyperband|random|sobol|tpe] [--seed n (1)] [--epochs n (27)] [--parallel n (2)]");
        return options;
    }
}

// One line on stderr per finished trial: when, which configuration, its epochs, its validation accuracy, the best.
internal sealed class ProgressMonitor(Stopwatch clock) : IExperimentMonitor
{
    private TrialResult? _best;

    public void OnTrialCompleted(TrialResult result)
    {
        var settings = result.TrialSettings;
        // The best as the experiment ranks it: the highest budget first, then the lowest loss.
        if (_best is null || settings.Budget > _best.TrialSettings.Budget
            || (settings.Budget == _best.TrialSettings.Budget && result.Loss < _best.Loss))
            _best = result;
        var epochs = settings.PreviousBudget is { } from ? $"{from:G6}->{settings.Budget:G6}" : $"{settings.Budget:G6}";
        Console.Error.WriteLine(
            $"[{clock.Elapsed.TotalSeconds,5:F0}s] trial {settings.TrialId,3}{(settings.ConfigId is { } c ? $" config {c,3}" : "")} " +
            $"{epochs,6} epochs: val acc {result.Metric:F4} in {result.DurationInMilliseconds / 1000:F1}s; " +
            $"best {_best.Metric:F4} at {_best.TrialSettings.Budget:G6} epochs");
    }

    public void OnTrialFailed(TrialResult result) =>
        Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F0}s] trial {result.TrialSettings.TrialId,3} {result.Status}: {result.Error?.Split('\n')[0]}");
}
