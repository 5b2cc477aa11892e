using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// NAS-Bench-201 (Dong &amp; Yang, ICLR 2020) as a tabular benchmark: the search space is a cell's six edges, each a
/// categorical over the five <see cref="Nb201Operations"/> (keys <see cref="Nb201Cell.EdgeKeys"/>), and the loss is
/// 100 − the cell's test accuracy (%) on one <see cref="Nb201Dataset"/>.
/// </summary>
/// <remarks>
/// <para>Fidelity is the number of training epochs, from 12 to 200. At budget 200 (or null) the loss uses the
/// 200-epoch test accuracy; at any budget in [12, 200) it uses the 12-epoch test accuracy, the only lower fidelity
/// the tables hold (the <c>-test</c> column named for the dataset, <see cref="Nb201Table"/>).</para>
/// <para>f* = 100 − the best 200-epoch accuracy in the table (94.37, 73.51, 47.31), so the best cell scores regret 0.
/// <see cref="Architecture"/> gives architecture tuners the cell's tokens, graph and isomorphism key
/// (<see cref="Nb201Encoding"/>).</para>
/// </remarks>
public sealed class Nb201Problem : IBenchmarkProblem
{
    /// <summary>The lowest budget: the epochs of the low-fidelity table.</summary>
    public const int MinEpochs = 12;

    /// <summary>The full budget: the epochs of the full-fidelity table.</summary>
    public const int MaxEpochs = 200;

    private readonly Nb201Table _table;

    /// <summary>Creates the problem, reading the tables on first use in the process.</summary>
    /// <param name="dataset">The task whose accuracies score a cell.</param>
    /// <param name="dataDirectory">The folder of the tables; default <see cref="Nb201Data.RequireDirectory"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An undefined <paramref name="dataset"/>.</exception>
    /// <exception cref="DirectoryNotFoundException">The data was not found.</exception>
    public Nb201Problem(Nb201Dataset dataset, string? dataDirectory = null)
    {
        if (!Enum.IsDefined(dataset))
            throw new ArgumentOutOfRangeException(nameof(dataset), dataset, $"dataset must be one of {string.Join(", ", Enum.GetNames<Nb201Dataset>())}.");
        Dataset = dataset;
        _table = Nb201Table.Load(dataDirectory);
        OptimalValue = 100 - _table.BestTwoHundredEpochAccuracy(dataset);
    }

    /// <summary>The registry name of the problem on <paramref name="dataset"/>: <c>nb201_cifar10</c>,
    /// <c>nb201_cifar100</c> or <c>nb201_imagenet16</c>.</summary>
    public static string NameOf(Nb201Dataset dataset) => dataset switch
    {
        Nb201Dataset.Cifar10 => "nb201_cifar10",
        Nb201Dataset.Cifar100 => "nb201_cifar100",
        Nb201Dataset.ImageNet16 => "nb201_imagenet16",
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, $"dataset must be one of {string.Join(", ", Enum.GetNames<Nb201Dataset>())}."),
    };

    /// <summary>The task whose accuracies score a cell.</summary>
    public Nb201Dataset Dataset { get; }

    /// <inheritdoc />
    public string Name => NameOf(Dataset);

    /// <inheritdoc />
    public string Description => $"NAS-Bench-201 cell (6 edges x 5 ops, tabular), {Dataset}; loss = 100 - test accuracy, budget = epochs 12 (12-epoch table) or 200";

    /// <inheritdoc />
    public SearchSpace SearchSpace { get; } = Nb201Cell.CreateSearchSpace();

    /// <inheritdoc />
    public double OptimalValue { get; }

    /// <inheritdoc />
    public double? MinBudget => MinEpochs;

    /// <inheritdoc />
    public double? MaxBudget => MaxEpochs;

    /// <summary>The cell encoding: operation tokens, the operations-on-nodes graph and the isomorphism key.</summary>
    public IArchitectureEncoding Architecture { get; } = new Nb201Encoding();

    /// <summary>The table the losses come from.</summary>
    public Nb201Table Table => _table;

    /// <summary>100 − the cell's test accuracy: after 200 epochs when <paramref name="budget"/> is null or 200, after
    /// 12 epochs when it lies in [12, 200).</summary>
    /// <exception cref="ArgumentException">The parameter is not a cell (a missing edge or an unknown operation).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The budget lies outside [12, 200].</exception>
    public double Evaluate(Parameter parameter, double? budget = null)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var fullFidelity = IsFullFidelity(budget);
        var record = _table[Nb201Cell.FromParameter(parameter)];
        return 100 - (fullFidelity ? record.TwoHundredEpochAccuracy(Dataset) : record.TwelveEpochAccuracy(Dataset));
    }

    private bool IsFullFidelity(double? budget)
    {
        if (budget is not { } b) return true;
        if (!(b >= MinEpochs && b <= MaxEpochs))
            throw new ArgumentOutOfRangeException(nameof(budget), budget, $"Problem '{Name}' takes a budget of epochs in [{MinEpochs}, {MaxEpochs}].");
        return b == MaxEpochs;
    }
}
