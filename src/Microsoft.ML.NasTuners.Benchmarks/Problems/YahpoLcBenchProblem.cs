using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// LCBench through the YAHPO Gym surrogate (Pfisterer et al., AutoML 2022): an ONNX model of the learning curves of
/// MLPs trained on OpenML tasks. Seven parameters: <c>batch_size</c> log-int [16, 512], <c>learning_rate</c> log
/// [1e-4, 0.1], <c>momentum</c> [0.1, 0.99], <c>weight_decay</c> [1e-5, 0.1], <c>num_layers</c> int [1, 5],
/// <c>max_units</c> log-int [64, 1024], <c>max_dropout</c> [0, 1]. The budget is the epoch, a whole number in [1, 52];
/// loss = 100 - validation accuracy (%).
/// </summary>
/// <remarks>
/// f* = 100 minus the largest validation accuracy of the task in <c>instance_target_statistics.csv</c> (99.626 for task
/// 3945), and regret is divided by the range of validation accuracy there (<see cref="RegretScale"/>), so it reads as
/// a fraction of the spread between the worst and best configurations. A tuner may find a point slightly better than
/// that maximum, which scores a small negative regret. One <see cref="InferenceSession"/> per instance; dispose the
/// problem to free it.
/// </remarks>
public sealed class YahpoLcBenchProblem : IBenchmarkProblem, IDisposable
{
    /// <summary>The default OpenML task.</summary>
    public const string DefaultTask = "3945";

    /// <summary>The first epoch.</summary>
    public const int MinEpochs = 1;

    /// <summary>The last epoch.</summary>
    public const int MaxEpochs = 52;

    /// <summary>The continuous inputs of the model, in the order it takes them (epoch first).</summary>
    public static readonly IReadOnlyList<string> Inputs =
        ["epoch", "batch_size", "learning_rate", "momentum", "weight_decay", "num_layers", "max_units", "max_dropout"];

    // The output column of validation accuracy: time, val_accuracy, val_cross_entropy, ...
    private const int ValidationAccuracyColumn = 1;

    private readonly InferenceSession _session;
    private readonly int _taskCode;
    private readonly object _gate = new();

    /// <summary>Loads the surrogate.</summary>
    /// <param name="task">The OpenML task id; default <see cref="DefaultTask"/> (3945).</param>
    /// <param name="dataDirectory">The YAHPO data folder; default <see cref="YahpoData.RequireDirectory"/>.</param>
    /// <exception cref="DirectoryNotFoundException">The data was not found.</exception>
    /// <exception cref="ArgumentException">The task is not one of LCBench's.</exception>
    public YahpoLcBenchProblem(string task = DefaultTask, string? dataDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(task);
        var directory = dataDirectory ?? YahpoData.RequireDirectory();
        if (!YahpoData.IsDataDirectory(directory))
            throw new DirectoryNotFoundException(
                $"'{directory}' is not a YAHPO Gym data folder: it needs lcbench/model.onnx, lcbench/encoding.json and instance_target_statistics.csv.");
        Task = task;
        _taskCode = TaskCode(Path.Combine(directory, "lcbench", "encoding.json"), task);
        var (min, max) = AccuracyRange(Path.Combine(directory, "instance_target_statistics.csv"), task);
        OptimalValue = 100 - max;
        RegretScale = max - min;
        SearchSpace = new SearchSpace
        {
            ["batch_size"] = new UniformIntOption(16, 512, logBase: true),
            ["learning_rate"] = new UniformDoubleOption(1e-4, 0.1, logBase: true),
            ["momentum"] = new UniformDoubleOption(0.1, 0.99),
            ["weight_decay"] = new UniformDoubleOption(1e-5, 0.1),
            ["num_layers"] = new UniformIntOption(1, 5),
            ["max_units"] = new UniformIntOption(64, 1024, logBase: true),
            ["max_dropout"] = new UniformDoubleOption(0, 1),
        };
        // The benchmark runs one problem per thread: more threads per session would only compete for the cores.
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _session = new InferenceSession(Path.Combine(directory, "lcbench", "model.onnx"), options);
    }

    /// <summary>The OpenML task.</summary>
    public string Task { get; }

    /// <inheritdoc />
    public string Name => "yahpo_lcbench";

    /// <inheritdoc />
    public string Description => $"YAHPO Gym LCBench surrogate (ONNX), task {Task}, 7 MLP hyper-parameters, budget = epochs 1..52; loss = 100 - val accuracy";

    /// <inheritdoc />
    public SearchSpace SearchSpace { get; }

    /// <inheritdoc />
    public double OptimalValue { get; }

    /// <summary>The range of validation accuracy over random configurations of the task (max - min).</summary>
    public double RegretScale { get; }

    /// <inheritdoc />
    public double? MinBudget => MinEpochs;

    /// <inheritdoc />
    public double? MaxBudget => MaxEpochs;

    /// <summary>100 - validation accuracy at the epoch <paramref name="budget"/> (null: 52).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The budget is not a whole number in [1, 52].</exception>
    public double Evaluate(Parameter parameter, double? budget = null)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var epoch = ResolveBudget(budget);
        // The space checks every key and range, with messages that name the key.
        _ = SearchSpace.MappingToFeatureSpace(parameter);
        var x = new float[Inputs.Count];
        x[0] = epoch;
        for (var i = 1; i < x.Length; i++)
            x[i] = (float)parameter[Inputs[i]].AsDouble();
        return 100 - Query(x)[ValidationAccuracyColumn];
    }

    /// <summary>The model's six outputs (time, val_accuracy, val_cross_entropy, val_balanced_accuracy,
    /// test_cross_entropy, test_balanced_accuracy) for raw continuous inputs in the order of <see cref="Inputs"/>.</summary>
    public float[] Query(IReadOnlyList<float> continuous)
    {
        ArgumentNullException.ThrowIfNull(continuous);
        if (continuous.Count != Inputs.Count)
            throw new ArgumentException($"The model takes {Inputs.Count} continuous inputs ({string.Join(", ", Inputs)}).", nameof(continuous));
        var cat = new DenseTensor<int>(new[] { _taskCode }, [1, 1]);
        var cont = new DenseTensor<float>(continuous.ToArray(), [1, Inputs.Count]);
        lock (_gate)
        {
            using var results = _session.Run([NamedOnnxValue.CreateFromTensor("x_cat", cat), NamedOnnxValue.CreateFromTensor("x_cont", cont)]);
            return results.First().AsEnumerable<float>().ToArray();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private int ResolveBudget(double? budget)
    {
        if (budget is not { } b) return MaxEpochs;
        if (!(b >= MinEpochs && b <= MaxEpochs) || b != Math.Floor(b))
            throw new ArgumentOutOfRangeException(nameof(budget), budget,
                $"Problem '{Name}' takes a budget of whole epochs in [{MinEpochs}, {MaxEpochs}].");
        return (int)b;
    }

    private static int TaskCode(string path, string task)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var codes = json.RootElement.GetProperty("OpenML_task_id");
        if (task != "#na#" && codes.TryGetProperty(task, out var code))
            return code.GetInt32();
        var known = codes.EnumerateObject().Select(p => p.Name).Where(n => n != "#na#");
        throw new ArgumentException($"Unknown LCBench task '{task}'. Tasks: {string.Join(", ", known)}.", nameof(task));
    }

    private static (double Min, double Max) AccuracyRange(string path, string task)
    {
        double? min = null, max = null;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            // metric,statistic,value,scenario,instance
            var fields = line.Split(',');
            if (fields.Length < 5 || fields[0] != "val_accuracy" || fields[3] != "lcbench" || fields[4] != task)
                continue;
            var value = double.Parse(fields[2], CultureInfo.InvariantCulture);
            if (fields[1] == "min") min = value;
            else if (fields[1] == "max") max = value;
        }
        return min is { } lo && max is { } hi && hi > lo
            ? (lo, hi)
            : throw new InvalidDataException($"{path} has no val_accuracy min and max for lcbench task {task}.");
    }
}
