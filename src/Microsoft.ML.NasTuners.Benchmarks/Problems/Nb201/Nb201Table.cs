using System.Collections.Concurrent;
using System.Globalization;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// The 15,625 cells of NAS-Bench-201 with their accuracies, joined from the two tables of <see cref="Nb201Data"/> by
/// architecture string. The 12-epoch values are the <c>-test</c> columns of <c>nb201_hp12_accs.csv</c>
/// (<c>cifar10-test</c>, <c>cifar100-test</c>, <c>imagenet-test</c>); the 200-epoch values are the
/// <c>...TestAccuracy200Epochs</c> columns of <c>nats_tss_hp200_test_accs.csv</c>.
/// </summary>
/// <remarks><see cref="Load"/> reads a folder once per process and shares the table: benchmark runs on several
/// threads create many problems, and the table is immutable.</remarks>
public sealed class Nb201Table
{
    /// <summary>The number of cells: 5 operations on each of 6 edges.</summary>
    public const int CellCount = 15_625;

    private static readonly ConcurrentDictionary<string, Lazy<Nb201Table>> Cache = new(StringComparer.Ordinal);

    private readonly Dictionary<string, Nb201Accuracies> _byArchitecture;
    private readonly double[] _bestTwoHundredEpochs;

    private Nb201Table(Dictionary<string, Nb201Accuracies> byArchitecture)
    {
        _byArchitecture = byArchitecture;
        _bestTwoHundredEpochs = Enum.GetValues<Nb201Dataset>()
            .Select(dataset => byArchitecture.Values.Max(a => a.TwoHundredEpochAccuracy(dataset))).ToArray();
    }

    /// <summary>Every cell's record.</summary>
    public IReadOnlyCollection<Nb201Accuracies> Cells => _byArchitecture.Values;

    /// <summary>The best 200-epoch test accuracy on <paramref name="dataset"/> over all cells.</summary>
    public double BestTwoHundredEpochAccuracy(Nb201Dataset dataset) => _bestTwoHundredEpochs[(int)dataset];

    /// <summary>The record of <paramref name="cell"/>.</summary>
    /// <exception cref="KeyNotFoundException">The table lacks the cell (a damaged table).</exception>
    public Nb201Accuracies this[Nb201Cell cell] => _byArchitecture.TryGetValue(cell.ToString(), out var record)
        ? record
        : throw new KeyNotFoundException($"The NAS-Bench-201 table has no cell {cell}.");

    /// <summary>The table of <paramref name="dataDirectory"/> (default <see cref="Nb201Data.RequireDirectory"/>),
    /// read on first use and shared afterwards.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder lacks the tables.</exception>
    /// <exception cref="InvalidDataException">A table is damaged: a missing column, a bad number, a missing cell.</exception>
    public static Nb201Table Load(string? dataDirectory = null)
    {
        var directory = Path.GetFullPath(dataDirectory ?? Nb201Data.RequireDirectory());
        if (!Nb201Data.IsDataDirectory(directory))
            throw new DirectoryNotFoundException(
                $"'{directory}' is not a NAS-Bench-201 data folder: it needs {Nb201Data.LowFidelityFile} and {Nb201Data.FullFidelityFile}.");
        // A failed read is not cached: Lazy would rethrow the same exception forever, even after the files are fixed.
        var lazy = Cache.GetOrAdd(directory, d => new Lazy<Nb201Table>(() => Read(d)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Cache.TryRemove(KeyValuePair.Create(directory, lazy));
            throw;
        }
    }

    private static Nb201Table Read(string directory)
    {
        var lowPath = Path.Combine(directory, Nb201Data.LowFidelityFile);
        var low = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (row, line) in Rows(lowPath, "cellstr", "cifar10-test", "cifar100-test", "imagenet-test"))
            low[row[0]] = [Number(row[1], lowPath, line), Number(row[2], lowPath, line), Number(row[3], lowPath, line)];

        var fullPath = Path.Combine(directory, Nb201Data.FullFidelityFile);
        var cells = new Dictionary<string, Nb201Accuracies>(StringComparer.Ordinal);
        foreach (var (row, line) in Rows(fullPath, "ArchitectureString", "CIFAR10TestAccuracy200Epochs",
                     "CIFAR100TestAccuracy200Epochs", "ImageNetTestAccuracy200Epochs", "UniqueString"))
        {
            Nb201Cell cell;
            try
            {
                cell = Nb201Cell.Parse(row[0]);
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"{fullPath}, line {line}: {e.Message}", e);
            }
            var architecture = cell.ToString();
            if (!low.TryGetValue(architecture, out var twelve))
                throw new InvalidDataException($"{lowPath} has no row for {architecture} (line {line} of {fullPath}).");
            cells[architecture] = new Nb201Accuracies(cell, twelve,
                [Number(row[1], fullPath, line), Number(row[2], fullPath, line), Number(row[3], fullPath, line)], row[4]);
        }
        if (cells.Count != CellCount)
            throw new InvalidDataException($"{fullPath} holds {cells.Count} distinct cells; NAS-Bench-201 has {CellCount}.");
        return new Nb201Table(cells);
    }

    // The rows of a comma-separated table with a header, as the named columns. No field of these tables is quoted.
    private static IEnumerable<(string[] Fields, int Line)> Rows(string path, params string[] columns)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty.")).Split(',');
        var indices = columns.Select(c => Array.IndexOf(header, c) is var i and >= 0
            ? i
            : throw new InvalidDataException($"{path} has no column '{c}'; its columns: {string.Join(", ", header)}.")).ToArray();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != header.Length)
                throw new InvalidDataException($"{path}, line {lineNumber}: {fields.Length} fields, expected {header.Length}.");
            yield return (indices.Select(i => fields[i]).ToArray(), lineNumber);
        }
    }

    private static double Number(string text, string path, int line) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new InvalidDataException($"{path}, line {line}: '{text}' is not a finite number.");
}
