// Tunes an ML.NET AutoML pipeline (featurizer, then one of AutoML's binary classifiers) with one of our tuners
// instead of AutoML's default (CFO). Usage: dotnet run --project examples/AutoMLExample -c Release -- [kind] [trials]
// with kind one of Microsoft.ML.NasTuners.Tuners.TunerKind (default Smac) and trials the number of models (default 30).
using Microsoft.ML;
using Microsoft.ML.AutoML;
using Microsoft.ML.NasTuners.AutoML;
using Microsoft.ML.NasTuners.Tuners;

var kind = args.Length > 0 ? Enum.Parse<TunerKind>(args[0], ignoreCase: true) : TunerKind.Smac;
var trials = args.Length > 1 ? int.Parse(args[1]) : 30;

var mlContext = new MLContext(seed: 1);
var data = mlContext.Data.LoadFromEnumerable(TwoMoons(2000, new Random(1)));
// AutoML sub-samples by taking the first rows, so the rows are shuffled before the split.
var split = mlContext.Data.TrainTestSplit(mlContext.Data.ShuffleRows(data, seed: 1), testFraction: 0.25, seed: 1);
var columns = new ColumnInformation { LabelColumnName = "Label" };
var pipeline = mlContext.Auto().Featurizer(split.TrainSet, columnInformation: columns)
    .Append(mlContext.Auto().BinaryClassification(labelColumnName: "Label"));

// The one line that changes the tuner is SetTuner's; the sub-sampled dataset is what multi-fidelity kinds
// (Hyperband, Asha, Bohb) need as their budget, and the others train every trial on the full set.
var experiment = mlContext.Auto().CreateExperiment();
experiment.SetPipeline(pipeline)
    .SetDataset(split.TrainSet, split.TestSet, subSamplingTrainDataset: true)
    .SetBinaryClassificationMetric(BinaryClassificationMetric.AreaUnderRocCurve, "Label")
    .SetMaxModelToExplore(trials)
    .SetTuner(sp => AutoMLTuners.Create<ITuner>(sp, kind, seed: 1));
var best = await experiment.RunAsync();

Console.WriteLine($"{kind}: best validation AUC {best.Metric:F4} (trial {best.TrialSettings.TrialId})");
Console.WriteLine(best.TrialSettings.Parameter);

// Two interleaved half circles with noise: a small problem a linear model cannot solve and trees can.
static IEnumerable<Moon> TwoMoons(int count, Random random)
{
    for (var i = 0; i < count; i++)
    {
        var upper = i % 2 == 0;
        var angle = Math.PI * random.NextDouble();
        var x = upper ? Math.Cos(angle) : 1 - Math.Cos(angle);
        var y = upper ? Math.Sin(angle) : 0.5 - Math.Sin(angle);
        yield return new Moon
        {
            X = (float)(x + 0.2 * (random.NextDouble() - 0.5)),
            Y = (float)(y + 0.2 * (random.NextDouble() - 0.5)),
            Label = upper,
        };
    }
}

internal sealed class Moon
{
    public float X { get; set; }

    public float Y { get; set; }

    public bool Label { get; set; }
}
