// Searches CNN architectures for the 8x8 digits, then trains the best one as an ML.NET estimator and tests it.
//
//   dotnet run --project examples/DigitsNas -c Release -- [trials] [epochs] [seed]
//
// The data is examples/data/digits/digits.csv.gz (found automatically; or set NASTUNERS_DIGITS), split 60/20/20.
// On Debian 12 / Ubuntu 22.04 the TorchSharp native library is made loadable automatically (see TorchNative).
using Microsoft.ML;
using Microsoft.ML.NasTuners;
using Microsoft.ML.NasTuners.TorchSharp;
using Microsoft.ML.NasTuners.Tuners;

var trials = args.Length > 0 ? int.Parse(args[0]) : 20;
var epochs = args.Length > 1 ? int.Parse(args[1]) : 10;
var seed = args.Length > 2 ? int.Parse(args[2]) : 1;

var mlContext = new MLContext(seed);
var split = DigitsDataset.Load();
Console.WriteLine($"digits: {split.Train.Count} train, {split.Validation.Count} validation, {split.Test.Count} test");

// Every trial trains on the training part and reports its validation error; the search never sees the test part.
var runner = new CnnTrialRunner(split.Train, split.Validation, new CnnTrialRunnerOptions
{
    MaxEpochs = epochs,
    Seed = seed,
    Objective = CnnObjective.ValidationError,
});
var result = await mlContext.Nas().ImageClassification(runner, new CnnSearchSpaceOptions { MaxStages = 3, MaxChannels = 64 })
    .SetTuner((space, tunerSeed) => new SobolTuner(space, tunerSeed))
    .SetMaxTrials(trials)
    .SetSeed(seed)
    .SetProgress(new ConsoleProgress())
    .RunAsync();
Console.Error.WriteLine();
Console.WriteLine(result.Summary);

var best = result.EnsureSucceeded().BestTrial!;
var configuration = CnnConfiguration.FromParameter(best.TrialSettings.Parameter);
Console.WriteLine($"best architecture: {configuration.Architecture.ToArchitectureString()}");
Console.WriteLine($"best training:     {configuration.Training}");
Console.WriteLine($"validation accuracy: {best.Metric:F4}");

// The chosen configuration as an ordinary ML.NET estimator, after a normalising transform.
var pipeline = mlContext.Transforms.NormalizeMinMax("Features")
    .Append(mlContext.MulticlassClassification.Trainers.TorchSharpCnn(new CnnImageClassificationOptions
    {
        Architecture = configuration.Architecture,
        Training = configuration.Training,
        Epochs = epochs,
        Seed = seed,
    }));
var model = pipeline.Fit(split.Train.ToDataView(mlContext));
var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(split.Test.ToDataView(mlContext)));
Console.WriteLine($"test accuracy: {metrics.MicroAccuracy:F4} (macro {metrics.MacroAccuracy:F4})");

var path = Path.Combine(Path.GetTempPath(), "digits-cnn.zip");
model.LastTransformer.Save(path);
Console.WriteLine($"saved the CNN to {path} (load it with CnnImageClassificationTransformer.Load)");

// Progress<T> would post to the thread pool and could print after the summary; this writes at once.
internal sealed class ConsoleProgress : IProgress<ExperimentProgress>
{
    public void Report(ExperimentProgress value) =>
        Console.Error.Write($"\rtrials {value.TrialsCompleted}/{value.MaxTrials}, best error {value.BestLoss:F4}   ");
}
