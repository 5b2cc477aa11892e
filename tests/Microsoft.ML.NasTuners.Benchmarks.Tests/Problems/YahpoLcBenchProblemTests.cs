using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

/// <summary>Needs the YAHPO data in the repository's data/yahpo (or NASTUNERS_YAHPO_DIR); skipped without it.</summary>
public sealed class YahpoLcBenchProblemTests : IDisposable
{
    // Built on first use, so that without the data each test is skipped rather than failing in the constructor.
    private readonly Lazy<YahpoLcBenchProblem> _lazyProblem = new(() => new YahpoLcBenchProblem());

    private YahpoLcBenchProblem Problem => _lazyProblem.Value;

    public void Dispose()
    {
        if (_lazyProblem.IsValueCreated) _lazyProblem.Value.Dispose();
    }

    private static Parameter Config(double batch = 64, double lr = 0.01, double momentum = 0.9, double wd = 0.001,
        double layers = 3, double units = 256, double dropout = 0.2) => Parameter.CreateNestedParameter(
        KeyValuePair.Create("batch_size", Parameter.FromInt((long)batch)),
        KeyValuePair.Create("learning_rate", Parameter.FromDouble(lr)),
        KeyValuePair.Create("momentum", Parameter.FromDouble(momentum)),
        KeyValuePair.Create("weight_decay", Parameter.FromDouble(wd)),
        KeyValuePair.Create("num_layers", Parameter.FromInt((long)layers)),
        KeyValuePair.Create("max_units", Parameter.FromInt((long)units)),
        KeyValuePair.Create("max_dropout", Parameter.FromDouble(dropout)));

    [DataFact("yahpo")]
    public void Values_match_a_direct_ONNX_query()
    {
        var directory = YahpoData.RequireDirectory();
        using var session = new InferenceSession(Path.Combine(directory, "lcbench", "model.onnx"));
        foreach (var epoch in new[] { 1, 10, 52 })
        {
            // Task 3945 is code 34 in encoding.json; the continuous inputs in the documented order.
            var cat = new DenseTensor<int>(new[] { 34 }, [1, 1]);
            var cont = new DenseTensor<float>(new float[] { epoch, 64, 0.01f, 0.9f, 0.001f, 3, 256, 0.2f }, [1, 8]);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor("x_cat", cat), NamedOnnxValue.CreateFromTensor("x_cont", cont)]);
            var output = results.First().AsEnumerable<float>().ToArray();
            output.Should().HaveCount(6);
            Problem.Evaluate(Config(), epoch).Should().Be(100 - output[1]);
        }
        Problem.Evaluate(Config()).Should().Be(Problem.Evaluate(Config(), 52), "no budget means the last epoch");
    }

    [DataFact("yahpo")]
    public void Optimum_and_regret_scale_come_from_the_target_statistics()
    {
        Problem.OptimalValue.Should().BeApproximately(100 - 99.62601, 1e-9);
        Problem.RegretScale.Should().BeApproximately(99.62601 - 15.986547, 1e-9);
        Problem.MinBudget.Should().Be(1);
        Problem.MaxBudget.Should().Be(52);
        Problem.SearchSpace.ModelView.Count.Should().Be(7);
    }

    [DataFact("yahpo")]
    public void Random_configurations_match_the_documented_median_accuracies()
    {
        // The data's README: over 5,000 random configurations of task 3945 the median val_accuracy is 44.6 at epoch 1
        // and 90.2 at epoch 52.
        var random = new Random(1);
        var configs = Enumerable.Range(0, 400)
            .Select(_ => Problem.SearchSpace.SampleFromFeatureSpace(Enumerable.Range(0, 7).Select(_ => random.NextDouble()).ToArray()))
            .ToArray();
        Quantiles.Median(configs.Select(c => 100 - Problem.Evaluate(c, 1))).Should().BeApproximately(44.6, 4);
        Quantiles.Median(configs.Select(c => 100 - Problem.Evaluate(c, 52))).Should().BeApproximately(90.2, 2);
    }

    [DataFact("yahpo")]
    public void Bad_budgets_tasks_and_folders_are_rejected_with_clear_messages()
    {
        FluentActions.Invoking(() => Problem.Evaluate(Config(), 53)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1, 52*");
        FluentActions.Invoking(() => Problem.Evaluate(Config(), 2.5)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new YahpoLcBenchProblem("12345")).Should().Throw<ArgumentException>().WithMessage("*'12345'*3945*");
        var missing = Path.Combine(Path.GetTempPath(), $"no-yahpo-{Guid.NewGuid():N}");
        FluentActions.Invoking(() => new YahpoLcBenchProblem(dataDirectory: missing))
            .Should().Throw<DirectoryNotFoundException>().WithMessage("*model.onnx*instance_target_statistics.csv*");
    }

    [DataFact("yahpo")]
    public void Another_task_can_be_chosen()
    {
        using var other = new YahpoLcBenchProblem("7593");
        other.Task.Should().Be("7593");
        other.OptimalValue.Should().NotBe(Problem.OptimalValue);
        other.Evaluate(Config(), 10).Should().NotBe(Problem.Evaluate(Config(), 10));
    }
}
