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
//   dotnet run --project examples/DigitsNas -c Release -- --compare-pruners none,median,asha [--full-trainings 20]
//                                                          [--seeds 1-5] [--tuner random] [--epochs 27]
//
//   --compare-pruners  instead of one search, compare pruners (none, median, asha) at equal total epochs: each arm
//               runs the tuner (single-fidelity: random, sobol or tpe) one trial at a time until --full-trainings times
//               --epochs epochs are spent, with the pruner stopping trials on their validation loss after each epoch;
//               prints a table of the test accuracy of each run's best fully trained network.
//   --full-trainings  the epochs of each compared run, in full trainings. Default 20.
//   --seeds     seeds of the compared runs: 3, 1-5 or 1,3,5. Default 1-5.
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
if (options.ComparedPruners is not null)
{
    return await PrunerComparison.RunAsync(options, DigitsDataset.Load());
}

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

var experiment = mlContext.Nas().ImageClassification(runner, Options.SearchSpace); // budgets: [1, Epochs] epochs
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
    /// <summary>Up to 3 stages of up to 2 blocks and 64 channels: wide enough for 99% on digits, small enough to train
    /// in seconds.</summary>
    public static CnnSearchSpaceOptions SearchSpace => new() { MaxStages = 3, MaxBlocksPerStage = 2, MinChannels = 8, MaxChannels = 64 };

    /// <summary>True when --tuner was given (the comparison's default is random, the search's bohb).</summary>
    public bool TunerGiven { get; init; }

    /// <summary>The pruners of --compare-pruners; null for one search.</summary>
    public IReadOnlyList<string>? ComparedPruners { get; init; }

    /// <summary>The epochs of each compared run, in full trainings.</summary>
    public int FullTrainings { get; init; } = 20;

    /// <summary>The seeds of the compared runs.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [1, 2, 3, 4, 5];

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

    private static string[] ParsePruners(string list)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => n.ToLowerInvariant()).ToArray();
        if (names.Length == 0 || names.Any(n => !PrunerComparison.Pruners.Contains(n)))
            throw new ArgumentException($"--compare-pruners takes a comma-separated list of {string.Join(", ", PrunerComparison.Pruners)}, not '{list}'");
        return names.Distinct().ToArray();
    }

    // 3, 1-5 or 1,3,5.
    private static int[] ParseSeeds(string list)
    {
        var seeds = new List<int>();
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-');
            if (range.Length == 2)
            {
                int from = int.Parse(range[0], CultureInfo.InvariantCulture), to = int.Parse(range[1], CultureInfo.InvariantCulture);
                if (to < from) throw new ArgumentException($"--seeds: {part} is an empty range");
                seeds.AddRange(Enumerable.Range(from, to - from + 1));
            }
            else seeds.Add(int.Parse(part, CultureInfo.InvariantCulture));
        }
        if (seeds.Count == 0) throw new ArgumentException("--seeds needs at least one seed");
        return seeds.Distinct().ToArray();
    }

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
                    "--tuner" => options with { Tuner = Value().ToLowerInvariant(), TunerGiven = true },
                    "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--epochs" => options with { Epochs = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--parallel" => options with { Parallel = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--compare-pruners" => options with { ComparedPruners = ParsePruners(Value()) },
                    "--full-trainings" => options with { FullTrainings = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--seeds" => options with { Seeds = ParseSeeds(Value()) },
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
        if (options is { ComparedPruners: not null, TunerGiven: false }) options = options with { Tuner = "random" };
        if (options is not null && !Tuners.Contains(options.Tuner))
        {
            Console.Error.WriteLine($"error: --tuner must be one of {string.Join(", ", Tuners)}, not {options.Tuner}");
            options = null;
        }
        else if (options is { TimeSeconds: <= 0 } or { Epochs: < 1 } or { Parallel: < 1 } or { Trials: < 1 } or { FullTrainings: < 1 })
        {
            Console.Error.WriteLine("error: --time must be > 0, --trials, --epochs, --parallel and --full-trainings at least 1");
            options = null;
        }
        else if (options is { ComparedPruners: not null, Tuner: "bohb" or "hyperband" })
        {
            // A tuner that chooses budgets itself would fight the pruner over how far a trial trains.
            Console.Error.WriteLine($"error: --compare-pruners needs a single-fidelity --tuner (random, sobol or tpe), not {options.Tuner}");
            options = null;
        }
        if (options is null)
        {
            Console.Error.WriteLine("usage: DigitsNas [--time seconds (480)] [--trials n] [--tuner bohb|hyperband|random|sobol|tpe] [--seed n (1)] [--epochs n (27)] [--parallel n (2)]");
            Console.Error.WriteLine("       DigitsNas --compare-pruners none,median,asha [--full-trainings n (20)] [--seeds 1-5] [--tuner random|sobol|tpe] [--epochs n (27)]");
        }
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
