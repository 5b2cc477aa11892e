using System.Globalization;
using Microsoft.ML.Data;

namespace Microsoft.ML.NasTuners.Pipelines.Data;

/// <summary>
/// Loads a CSV file with a header into an <see cref="IDataView"/> whose column types are inferred from the values: a
/// column whose every non-empty value is a number becomes <c>Single</c> (an empty value is NaN, a missing value),
/// any other becomes text. What the pipeline search needs to start from a file with no schema class.
/// </summary>
public static class TabularCsv
{
    /// <summary>Loads <paramref name="path"/>.</summary>
    /// <param name="context">The ML.NET context.</param>
    /// <param name="path">A CSV file whose first line names the columns.</param>
    /// <param name="separator">The field separator.</param>
    /// <exception cref="InvalidDataException">The file has no header or no rows.</exception>
    public static IDataView Load(MLContext context, string path, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(context);
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty: it needs a header line naming the columns.");
        var names = CsvLine.Split(header, separator);
        var numeric = Enumerable.Repeat(true, names.Count).ToArray();
        var rows = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            rows++;
            var fields = CsvLine.Split(line, separator);
            for (var i = 0; i < names.Count && i < fields.Count; i++)
                if (numeric[i] && fields[i].Length > 0 && !float.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    numeric[i] = false;
        }
        if (rows == 0) throw new InvalidDataException($"{path} has a header but no rows.");
        var columns = names.Select((name, i) => new TextLoader.Column(name, numeric[i] ? DataKind.Single : DataKind.String, i)).ToArray();
        return context.Data.LoadFromTextFile(path, new TextLoader.Options
        {
            Columns = columns,
            HasHeader = true,
            Separators = [separator],
            AllowQuoting = true,
            // An empty number is missing (NaN), which the featurisation replaces and flags, not 0.
            MissingRealsAsNaNs = true,
        });
    }
}
