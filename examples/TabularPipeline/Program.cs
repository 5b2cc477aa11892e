// A CSV in, the best ML.NET pipeline found in a time limit, its metrics printed and the model saved.
//
//   dotnet run --project examples/TabularPipeline -c Release -- [csv] [label] [binary|multiclass|regression] [seconds] [model.zip]
//
// With no arguments it classifies data/tabular/pima.csv (diabetes yes or no) for 20 seconds.
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.NasTuners;
using Microsoft.ML.NasTuners.Data;
using Microsoft.ML.NasTuners.Pipelines;
using Microsoft.ML.NasTuners.Pipelines.Data;

var csv = args.Length > 0 ? args[0] : NasDataSets.Tabular.RequireFile("pima.csv");
var label = args.Length > 1 ? args[1] : "label";
var task = args.Length > 2 ? args[2] : "binary";
var seconds = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 20;
var modelPath = args.Length > 4 ? args[4] : "model.zip";

var mlContext = new MLContext(seed: 1);
// Column types are inferred from the values: numbers, and text (categories or free text).
var data = TabularCsv.Load(mlContext, csv);
var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);

PipelineExperiment experiment = task switch
{
    "binary" => mlContext.Nas().BinaryClassification(split.TrainSet, label, split.TestSet),
    "multiclass" => mlContext.Nas().MulticlassClassification(split.TrainSet, label, split.TestSet),
    "regression" => mlContext.Nas().Regression(split.TrainSet, label, split.TestSet),
    _ => throw new ArgumentException($"Unknown task '{task}': binary, multiclass or regression."),
};

var result = await experiment.SetTimeLimit(seconds).RunAsync();
result.EnsureModel();

Console.WriteLine(result);
Console.WriteLine($"Featurisation: {string.Join(", ", result.Featurization.Select(p => $"{p.Name} {p.Treatment}"))}");
foreach (var (metric, value) in result.ValidationMetrics)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validation {metric}: {value:F4}"));
foreach (var (metric, value) in result.TestMetrics!)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test {metric}: {value:F4}"));

mlContext.Model.Save(result.Model, result.InputSchema, modelPath);
Console.WriteLine($"Saved the model to {Path.GetFullPath(modelPath)}.");
