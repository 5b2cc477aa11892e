// Tunes an ML.NET multiclass pipeline on the digits set with a conditional search space:
// the trainer is a choice, and each trainer opens its own hyper-parameters.
//
//   dotnet run --project examples/TuneDigitsPipeline -c Release -- [trials] [seed] [path/to/digits.csv.gz]
using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.NasTuners;
using Microsoft.ML.NasTuners.Data;
using Microsoft.ML.NasTuners.Tuners;

var trials = args.Length > 0 ? int.Parse(args[0]) : 20;
var seed = args.Length > 1 ? int.Parse(args[1]) : 1;
var dataPath = args.Length > 2 ? args[2] : FindDigits();

var mlContext = new MLContext(seed);
var rows = ReadDigits(dataPath);
var split = mlContext.Data.TrainTestSplit(mlContext.Data.LoadFromEnumerable(rows), testFraction: 0.25 /* the validation part the tuner sees */, seed: seed);

var space = new SearchSpace
{
    ["trainer"] = new ConditionalChoiceOption(
        ("sdca", new SearchSpace
        {
            ["sdca_l2"] = new UniformDoubleOption(1e-6, 1, logBase: true, defaultValue: 1e-3),
            ["sdca_iterations"] = new UniformIntOption(5, 100, logBase: true, defaultValue: 20),
        }),
        ("lbfgs", new SearchSpace
        {
            ["lbfgs_l1"] = new UniformSingleOption(1e-5f, 1f, logBase: true, defaultValue: 1e-3f),
            ["lbfgs_l2"] = new UniformSingleOption(1e-5f, 1f, logBase: true, defaultValue: 1e-3f),
        })),
    ["normalize"] = new ChoiceOption("minmax", "meanvar"),
};

var result = await mlContext.Nas().CreateExperiment()
    .SetSearchSpace(space)
    .SetTuner((s, tunerSeed) => new SobolTuner(s, tunerSeed))
    .SetObjective((parameter, _, _) => 1 - MacroAccuracy(mlContext, parameter, split))
    .SetMaxTrials(trials)
    .SetSeed(seed)
    .SetProgress(new Progress<ExperimentProgress>(p => Console.Error.Write($"\rtrials {p.TrialsCompleted}/{p.MaxTrials}, best loss {p.BestLoss:F4}   ")))
    .RunAsync();

Console.Error.WriteLine();
Console.WriteLine(result.Summary);
var best = result.EnsureSucceeded().BestTrial!;
Console.WriteLine($"best: {best.TrialSettings.Parameter}");
Console.WriteLine($"validation macro accuracy: {1 - best.Loss:F4}");

static double MacroAccuracy(MLContext mlContext, Parameter parameter, DataOperationsCatalog.TrainTestData split)
{
    var normalize = parameter["normalize"].AsString() == "minmax"
        ? mlContext.Transforms.NormalizeMinMax("Features")
        : (IEstimator<ITransformer>)mlContext.Transforms.NormalizeMeanVariance("Features");
    IEstimator<ITransformer> trainer = parameter["trainer"].AsString() == "sdca"
        ? mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(
            l2Regularization: (float)parameter["sdca_l2"].AsDouble(), maximumNumberOfIterations: (int)parameter["sdca_iterations"].AsDouble())
        : mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            l1Regularization: (float)parameter["lbfgs_l1"].AsDouble(), l2Regularization: (float)parameter["lbfgs_l2"].AsDouble());
    var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label")
        .Append(normalize)
        .Append(trainer);
    var model = pipeline.Fit(split.TrainSet);
    return mlContext.MulticlassClassification.Evaluate(model.Transform(split.TestSet)).MacroAccuracy;
}

static List<Digit> ReadDigits(string path)
{
    using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
    var rows = new List<Digit>();
    while (reader.ReadLine() is { Length: > 0 } line)
    {
        var values = line.Split(',').Select(float.Parse).ToArray();
        rows.Add(new Digit { Features = values[..64], Label = values[64] });
    }
    return rows;
}

// The repository's data/digits (or NASTUNERS_DIGITS), found by the library's one rule for its data sets.
static string FindDigits() => NasDataSets.Digits.RequireFile("digits.csv.gz");

internal sealed class Digit
{
    [VectorType(64)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}
