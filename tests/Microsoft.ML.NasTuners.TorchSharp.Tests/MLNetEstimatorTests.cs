using Microsoft.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.NasTuners.TorchSharp.Tests;

public class MLNetEstimatorTests
{
    private sealed class DigitRow
    {
        [VectorType(64)]
        public float[] Features { get; set; } = [];

        public string Digit { get; set; } = "";
    }

    private sealed class Prediction
    {
        public float[] Score { get; set; } = [];

        public string PredictedDigit { get; set; } = "";
    }

    private static IDataView Load(MLContext mlContext, ImageDataset data) =>
        mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, data.Count).Select(i => new DigitRow
        {
            Features = data.Features.Slice(i * 64, 64).ToArray(),
            Digit = data.Labels[i].ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToArray());

    private static CnnImageClassificationOptions Options(int epochs) => new()
    {
        Architecture = TestData.Tiny().Architecture,
        Training = TestData.Tiny().Training,
        Epochs = epochs,
        Seed = 5,
        MaxThreads = 1,
    };

    [DataFact("digits")]
    public void Works_in_a_pipeline_after_a_normalising_transform()
    {
        TorchTestEnvironment.Initialise();
        var mlContext = new MLContext(seed: 1);
        // Raw grey levels 0-16: the normaliser has real work to do.
        var split = DigitsDataset.Load(scaleToUnit: false);
        var train = Load(mlContext, split.Train);
        var test = Load(mlContext, split.Test);

        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", "Digit")
            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
            .Append(mlContext.MulticlassClassification.Trainers.TorchSharpCnn(Options(epochs: 8)))
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedDigit", "PredictedLabel"));

        var outputShape = pipeline.GetOutputSchema(ShapeOf(train.Schema));
        outputShape.Should().Contain(c => c.Name == "Score").And.Contain(c => c.Name == "PredictedDigit");

        var model = pipeline.Fit(train);
        var predictions = model.Transform(test);
        predictions.Schema["Score"].Type.Should().Be(new VectorDataViewType(NumberDataViewType.Single, 10));
        predictions.Schema["PredictedLabel"].Type.Should().BeOfType<KeyDataViewType>();

        var metrics = mlContext.MulticlassClassification.Evaluate(predictions);
        metrics.MacroAccuracy.Should().BeGreaterThan(0.8);

        var rows = mlContext.Data.CreateEnumerable<Prediction>(predictions, reuseRowObject: false).ToList();
        rows.Should().HaveCount(split.Test.Count);
        rows.Should().OnlyContain(r => r.Score.Length == 10 && Math.Abs(r.Score.Sum() - 1) < 1e-4);
        var engine = mlContext.Model.CreatePredictionEngine<DigitRow, Prediction>(model);
        var first = engine.Predict(new DigitRow { Features = split.Test.Features[..64].ToArray() });
        first.PredictedDigit.Should().Be(rows[0].PredictedDigit);
        first.Score.Should().Equal(rows[0].Score);
    }

    [DataFact("digits")]
    public void A_saved_and_reloaded_transformer_predicts_exactly_as_before()
    {
        TorchTestEnvironment.Initialise();
        var mlContext = new MLContext(seed: 1);
        var split = TestData.Split;
        var train = split.Train.Take(300).ToDataView(mlContext);
        var test = split.Test.Take(60).ToDataView(mlContext);
        using var transformer = mlContext.MulticlassClassification.Trainers.TorchSharpCnn(Options(epochs: 2)).Fit(train);

        var path = Path.Combine(Path.GetTempPath(), $"cnn-{Guid.NewGuid():N}.zip");
        try
        {
            transformer.Save(path);
            using var loaded = CnnImageClassificationTransformer.Load(path);
            loaded.Architecture.Should().Be(transformer.Architecture);
            loaded.InputShape.Should().Be(transformer.InputShape);

            var before = Read(transformer.Transform(test));
            var after = Read(loaded.Transform(test));
            after.Keys.Should().Equal(before.Keys);
            for (var i = 0; i < before.Scores.Count; i++) after.Scores[i].Should().Equal(before.Scores[i]);
        }
        finally
        {
            File.Delete(path);
        }
        FluentActions.Invoking(() => mlContext.Model.Save(transformer, train.Schema, new MemoryStream()))
            .Should().Throw<NotSupportedException>().WithMessage("*Save(path)*");
    }

    [DataFact("digits")]
    public void Wrong_columns_are_named_in_the_error()
    {
        var mlContext = new MLContext(seed: 1);
        var data = TestData.Split.Train.Take(10).ToDataView(mlContext, labelColumnName: "Digit");
        var estimator = mlContext.MulticlassClassification.Trainers.TorchSharpCnn(Options(epochs: 1));
        FluentActions.Invoking(() => estimator.Fit(data)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*'Label'*");
        FluentActions.Invoking(() => estimator.GetOutputSchema(ShapeOf(data.Schema))).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*'Label'*");
    }

    /// <summary>ML.NET keeps SchemaShape.Create internal; estimators' GetOutputSchema is still worth testing.</summary>
    private static SchemaShape ShapeOf(DataViewSchema schema) =>
        (SchemaShape)typeof(SchemaShape).GetMethod("Create", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static, [typeof(DataViewSchema)])!
            .Invoke(null, [schema])!;

    private static (List<uint> Keys, List<float[]> Scores) Read(IDataView data)
    {
        var keys = data.GetColumn<uint>("PredictedLabel").ToList();
        var scores = data.GetColumn<float[]>("Score").ToList();
        return (keys, scores);
    }
}
