using System.Globalization;

namespace Microsoft.ML.NasTuners.Pipelines.Data;

/// <summary>
/// How a label's raw values (read as text, or as numbers written invariantly) become what the trainers read: a
/// Boolean for binary classification, a key over the sorted class names for multiclass, a number for regression.
/// Found once on the training data and applied to every other set (validation, test), so codes agree.
/// </summary>
internal sealed class LabelEncoding
{
    private LabelEncoding(PipelineTask task, IReadOnlyList<string> classes)
    {
        Task = task;
        Classes = classes;
    }

    public PipelineTask Task { get; }

    /// <summary>The classes in key order (for binary: negative, positive); empty for regression.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>For binary classification, the value that reads as true.</summary>
    public string? PositiveClass => Task == PipelineTask.BinaryClassification ? Classes[1] : null;

    /// <summary>Finds the classes of <paramref name="values"/> (empty values are missing and skipped). Classes sort as
    /// numbers when they all are numbers, else ordinally; for binary classification the positive class is
    /// <paramref name="positiveClass"/> when given, else the greater one ("1" over "0", "pos" over "neg").</summary>
    public static LabelEncoding Fit(PipelineTask task, IEnumerable<string> values, string labelColumnName, string? positiveClass = null)
    {
        if (task == PipelineTask.Regression) return new LabelEncoding(task, []);
        var distinct = values.Where(v => v.Length > 0).Distinct().ToList();
        var allNumbers = distinct.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var classes = allNumbers
            ? distinct.OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList()
            : distinct.OrderBy(v => v, StringComparer.Ordinal).ToList();
        if (task == PipelineTask.BinaryClassification)
        {
            if (classes.Count != 2)
                throw new ArgumentException(
                    $"Binary classification needs exactly 2 classes in label column '{labelColumnName}'; it has {classes.Count} ({string.Join(", ", classes.Take(10))}). Use MulticlassClassification for more.",
                    nameof(values));
            if (positiveClass is not null)
            {
                if (!classes.Contains(positiveClass))
                    throw new ArgumentException($"The positive class '{positiveClass}' is not one of the label's classes ({string.Join(", ", classes)}).", nameof(positiveClass));
                classes = [classes.Single(c => c != positiveClass), positiveClass];
            }
        }
        else if (classes.Count < 2)
            throw new ArgumentException($"Classification needs at least 2 classes in label column '{labelColumnName}'; it has {classes.Count}.", nameof(values));
        return new LabelEncoding(task, classes);
    }

    /// <summary>The key (1-based) of <paramref name="value"/>, or 0 when it is missing or a class unseen in training.</summary>
    public uint KeyOf(string value)
    {
        for (var i = 0; i < Classes.Count; i++)
            if (Classes[i] == value) return (uint)(i + 1);
        return 0;
    }

    /// <summary>The stratum of each row for stratified splits: its class index, or 0 for regression.</summary>
    public int StratumOf(string value) => Task == PipelineTask.Regression ? 0 : (int)KeyOf(value);
}
