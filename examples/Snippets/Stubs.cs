using Microsoft.ML.SearchSpace;

namespace Snippets;

/// <summary>What the snippets take for granted: a training function, a network, an options class. They only have to
/// compile, so they do as little as possible.</summary>
public static class Stubs
{
    /// <summary>The reader's training: takes a proposed parameter, returns a loss to minimise.</summary>
    public static double Train(Parameter parameter) => parameter.ToString().Length % 7 / 7.0;

    /// <summary>The space the tuner snippets tune (the one of the README's tour).</summary>
    public static SearchSpace ExampleSpace() => new()
    {
        ["learningRate"] = new UniformDoubleOption(1e-4, 1e-1, logBase: true, defaultValue: 1e-3),
        ["layers"] = new UniformIntOption(1, 8),
    };
}

/// <summary>A network that trains one epoch at a time, as a continuable objective needs.</summary>
public sealed class MyNet(Parameter parameter)
{
    private int _epochs;

    public Parameter Parameter { get; } = parameter;

    public void TrainOneEpoch(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _epochs++;
    }

    public double ValidationLoss() => 1.0 / (1 + _epochs);
}

/// <summary>Options described with ML.NET's own search-space attributes.</summary>
public sealed class TrainerOptions
{
    [Range(1e-4, 1e-1, 1e-3, logBase: true)]
    public double LearningRate { get; set; } = 1e-3;

    [Range(4, 1024, 16, logBase: true)]
    public int NumberOfLeaves { get; set; } = 16;

    [BooleanChoice]
    public bool UseBias { get; set; }
}
