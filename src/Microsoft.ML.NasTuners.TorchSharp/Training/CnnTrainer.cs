using System.Diagnostics;
using Microsoft.ML.NasTuners.TorchSharp.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using TorchParameter = TorchSharp.Modules.Parameter;

namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>
/// Trains a CNN configuration for a number of epochs (the budget) and reports validation loss and accuracy.
/// </summary>
/// <remarks>
/// Training is deterministic on the CPU for a given seed and thread count: weights, shuffling and dropout all draw
/// from one generator seeded by <see cref="CnnTrainerOptions.Seed"/>, never from torch's global one. The learning rate
/// is constant, and a <see cref="CnnCheckpoint"/> holds weights, optimiser state, epoch count and generator state, so
/// that training 3 epochs and continuing to 9 gives the same network as training 9 at once. Each epoch visits the
/// training set in a fresh random order in mini-batches; a last batch of a single image is skipped, because batch
/// norm cannot train on one value per channel. Every tensor is released before <see cref="Train"/> returns.
/// </remarks>
public sealed class CnnTrainer
{
    private readonly CnnTrainerOptions _options;

    /// <summary>Creates a trainer.</summary>
    /// <param name="options">Seed, thread cap and evaluation batch size; defaults when null.</param>
    public CnnTrainer(CnnTrainerOptions? options = null)
    {
        _options = options ?? new CnnTrainerOptions();
        _options.Validate();
    }

    /// <summary>Trains <paramref name="configuration"/> up to <paramref name="epochs"/> epochs in total.</summary>
    /// <param name="configuration">The architecture and training settings.</param>
    /// <param name="train">The training images.</param>
    /// <param name="validation">The validation images (same shape and classes); null to skip evaluation.</param>
    /// <param name="epochs">The total number of epochs (the budget), &gt;= 1.</param>
    /// <param name="resumeFrom">A checkpoint of the same configuration, shapes and seed at fewer epochs to continue
    /// from; null to start afresh.</param>
    /// <param name="cancellationToken">Checked between mini-batches.</param>
    /// <param name="stopAfterEpoch">Told, after every epoch, the validation loss and accuracy then (which needs a
    /// validation set), and returns true to stop training there, as a pruner asks: the result then has
    /// <see cref="CnnTrainingResult.Stopped"/> set and the metrics and checkpoint of the last epoch run. Null (the
    /// default) evaluates only once, at the end.</param>
    /// <exception cref="ArgumentException">The data or checkpoint does not fit the configuration, or an epoch observer
    /// is given without a validation set.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <exception cref="TorchNativeLoadException">TorchSharp's native library cannot be loaded.</exception>
    public CnnTrainingResult Train(CnnConfiguration configuration, ImageDataset train, ImageDataset? validation, int epochs,
        CnnCheckpoint? resumeFrom = null, CancellationToken cancellationToken = default, Func<CnnEpochEnd, bool>? stopAfterEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(train);
        configuration.Training.Validate();
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be at least 1.");
        if (train.Count < 2) throw new ArgumentException($"Training needs at least 2 images, got {train.Count}.", nameof(train));
        if (validation is not null && (validation.Shape != train.Shape || validation.ClassCount != train.ClassCount))
            throw new ArgumentException($"The validation set ({validation.Shape}, {validation.ClassCount} classes) does not match the training set ({train.Shape}, {train.ClassCount} classes).", nameof(validation));
        if (stopAfterEpoch is not null && validation is null)
            throw new ArgumentException("An epoch observer needs a validation set to report on.", nameof(stopAfterEpoch));
        CheckResume(resumeFrom, configuration, train, epochs);
        TorchNative.EnsureLoaded();

        var stopwatch = Stopwatch.StartNew();
        var previousThreads = get_num_threads();
        if (_options.MaxThreads is { } cap) set_num_threads(Math.Min(cap, Environment.ProcessorCount));
        try
        {
            using var scope = NewDisposeScope();
            using var generator = new Generator(unchecked((ulong)_options.Seed), CPU);
            using var network = CnnModelBuilder.Build(configuration.Architecture, train.Shape, train.ClassCount, generator, ownsGenerator: false);
            using var optimizer = CreateOptimizer(configuration.Training, network.parameters());
            var startEpoch = 0;
            if (resumeFrom is not null)
            {
                resumeFrom.LoadWeights(network);
                using (var reader = new BinaryReader(new MemoryStream(resumeFrom.OptimizerState, writable: false)))
                    optimizer.load_state_dict(reader);
                using (var state = tensor(resumeFrom.GeneratorState, dtype: ScalarType.Byte))
                    generator.set_state(state);
                startEpoch = resumeFrom.Epochs;
            }

            var (x, y) = ToTensors(train);
            var trainingLoss = double.NaN;
            var diverged = false;
            var stopped = false;
            var epoch = startEpoch;
            (double Loss, double Accuracy)? evaluated = null;
            while (epoch < epochs && !diverged && !stopped)
            {
                trainingLoss = RunEpoch(network, optimizer, generator, x, y, configuration.Training, cancellationToken, out diverged);
                epoch++;
                if (diverged || stopAfterEpoch is null) continue;
                // Evaluation leaves the generator alone, so observed training is the same network as unobserved training.
                evaluated = Evaluate(network, validation!);
                stopped = stopAfterEpoch(new CnnEpochEnd(epoch, evaluated.Value.Loss, evaluated.Value.Accuracy, trainingLoss)) && epoch < epochs;
            }
            if (diverged)
                return new CnnTrainingResult { TrainingLoss = trainingLoss, Epochs = epoch, Diverged = true, Duration = stopwatch.Elapsed };

            var (validationLoss, accuracy) = evaluated ?? (validation is null ? (double.NaN, double.NaN) : Evaluate(network, validation));
            return new CnnTrainingResult
            {
                ValidationLoss = validationLoss,
                ValidationAccuracy = accuracy,
                TrainingLoss = trainingLoss,
                Epochs = epoch,
                Stopped = stopped,
                Checkpoint = Capture(configuration, train, epoch, network, optimizer, generator),
                Duration = stopwatch.Elapsed,
            };
        }
        finally
        {
            if (_options.MaxThreads is not null) set_num_threads(previousThreads);
        }
    }

    /// <summary>Mean cross-entropy and accuracy of a network on a data set (evaluation mode, no gradients).</summary>
    public (double Loss, double Accuracy) Evaluate(CnnNetwork network, ImageDataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Shape != network.Input || data.ClassCount != network.ClassCount)
            throw new ArgumentException($"The data ({data.Shape}, {data.ClassCount} classes) does not fit the network ({network.Input}, {network.ClassCount} classes).", nameof(data));
        if (data.Count == 0) return (double.NaN, double.NaN);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var wasTraining = network.training;
        network.eval();
        var (x, y) = ToTensors(data);
        double lossSum = 0;
        long correct = 0;
        for (long start = 0; start < data.Count; start += _options.EvaluationBatchSize)
        {
            using var batchScope = NewDisposeScope();
            var length = Math.Min(_options.EvaluationBatchSize, data.Count - start);
            var logits = network.forward(x.narrow(0, start, length));
            var target = y.narrow(0, start, length);
            lossSum += nn.functional.cross_entropy(logits, target, reduction: nn.Reduction.Sum).item<float>();
            correct += logits.argmax(1).eq(target).sum().item<long>();
        }
        if (wasTraining) network.train();
        return (lossSum / data.Count, (double)correct / data.Count);
    }

    private double RunEpoch(CnnNetwork network, OptimizerHelper optimizer, Generator generator, Tensor x, Tensor y,
        CnnTrainingSettings settings, CancellationToken cancellationToken, out bool diverged)
    {
        network.train();
        using var order = randperm(x.shape[0], generator: generator);
        var count = x.shape[0];
        double lossSum = 0;
        long seen = 0;
        diverged = false;
        for (long start = 0; start < count; start += settings.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = Math.Min(settings.BatchSize, count - start);
            if (length < 2) break;
            using var batchScope = NewDisposeScope();
            var indices = order.narrow(0, start, length);
            var logits = network.forward(x.index_select(0, indices));
            var loss = nn.functional.cross_entropy(logits, y.index_select(0, indices), label_smoothing: settings.LabelSmoothing);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            var value = loss.item<float>();
            if (!float.IsFinite(value))
            {
                diverged = true;
                return value;
            }
            lossSum += value * length;
            seen += length;
        }
        return seen == 0 ? double.NaN : lossSum / seen;
    }

    private static OptimizerHelper CreateOptimizer(CnnTrainingSettings settings, IEnumerable<TorchParameter> parameters) => settings.Optimizer switch
    {
        CnnOptimizer.AdamW => optim.AdamW(parameters, lr: settings.LearningRate, weight_decay: settings.WeightDecay),
        CnnOptimizer.Sgd => optim.SGD(parameters, settings.LearningRate, momentum: settings.Momentum, weight_decay: settings.WeightDecay),
        _ => optim.Adam(parameters, lr: settings.LearningRate, weight_decay: settings.WeightDecay),
    };

    private static (Tensor X, Tensor Y) ToTensors(ImageDataset data)
    {
        var shape = data.Shape;
        var x = tensor(data.FeatureArray, [data.Count, shape.Channels, shape.Height, shape.Width], dtype: ScalarType.Float32);
        var y = tensor(data.LabelArray.Select(l => (long)l).ToArray(), dtype: ScalarType.Int64);
        return (x, y);
    }

    private CnnCheckpoint Capture(CnnConfiguration configuration, ImageDataset train, int epochs, CnnNetwork network,
        OptimizerHelper optimizer, Generator generator)
    {
        using var model = new MemoryStream();
        network.save(model);
        using var optimizerState = new MemoryStream();
        using (var writer = new BinaryWriter(optimizerState, System.Text.Encoding.UTF8, leaveOpen: true))
            optimizer.save_state_dict(writer);
        using var state = generator.get_state();
        var generatorState = state.data<byte>().ToArray();
        return new CnnCheckpoint(configuration, train.Shape, train.ClassCount, epochs, _options.Seed,
            model.ToArray(), optimizerState.ToArray(), generatorState);
    }

    private void CheckResume(CnnCheckpoint? checkpoint, CnnConfiguration configuration, ImageDataset train, int epochs)
    {
        if (checkpoint is null) return;
        if (!checkpoint.Configuration.Equals(configuration))
            throw new ArgumentException("The checkpoint belongs to another configuration.", nameof(checkpoint));
        if (checkpoint.Input != train.Shape || checkpoint.ClassCount != train.ClassCount)
            throw new ArgumentException($"The checkpoint was trained on {checkpoint.Input} with {checkpoint.ClassCount} classes, not {train.Shape} with {train.ClassCount}.", nameof(checkpoint));
        if (checkpoint.Seed != _options.Seed)
            throw new ArgumentException($"The checkpoint was trained with seed {checkpoint.Seed}, this trainer uses {_options.Seed}.", nameof(checkpoint));
        if (checkpoint.Epochs > epochs)
            throw new ArgumentException($"The checkpoint has {checkpoint.Epochs} epochs already, more than the {epochs} asked for.", nameof(checkpoint));
    }
}
