using Microsoft.ML.Data;

namespace Microsoft.ML.NasTuners.Pipelines.Data;

/// <summary>One column of a <see cref="Table"/>: its name, its ML.NET type and its values, one per row.</summary>
internal sealed class TableColumn
{
    private TableColumn(string name, DataViewType type, Array values, DataViewSchema.Annotations? annotations)
    {
        Name = name;
        Type = type;
        Values = values;
        Annotations = annotations;
    }

    public string Name { get; }

    public DataViewType Type { get; }

    /// <summary>float[], bool[], uint[] (keys) or ReadOnlyMemory&lt;char&gt;[].</summary>
    public Array Values { get; }

    /// <summary>The key values of a key column (class names), null otherwise.</summary>
    public DataViewSchema.Annotations? Annotations { get; }

    public static TableColumn Numeric(string name, float[] values) => new(name, NumberDataViewType.Single, values, null);

    public static TableColumn Text(string name, ReadOnlyMemory<char>[] values) => new(name, TextDataViewType.Instance, values, null);

    public static TableColumn Boolean(string name, bool[] values) => new(name, BooleanDataViewType.Instance, values, null);

    /// <summary>A vector of <paramref name="size"/> numbers per row (an ensemble's stacked predictions).</summary>
    public static TableColumn Vector(string name, VBuffer<float>[] values, int size) =>
        new(name, new VectorDataViewType(NumberDataViewType.Single, size), values, null);

    /// <summary>A key column of 1-based keys (0 is missing) whose key values are <paramref name="classes"/>.</summary>
    public static TableColumn Key(string name, uint[] values, IReadOnlyList<string> classes)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        var keyValues = new VBuffer<ReadOnlyMemory<char>>(classes.Count, classes.Select(c => c.AsMemory()).ToArray());
        // "KeyValues" is ML.NET's annotation kind for a key's names, which trainers copy to PredictedLabel.
        builder.Add("KeyValues", new VectorDataViewType(TextDataViewType.Instance, classes.Count),
            (ref VBuffer<ReadOnlyMemory<char>> v) => keyValues.CopyTo(ref v));
        return new(name, new KeyDataViewType(typeof(uint), classes.Count), values, builder.ToAnnotations());
    }

    /// <summary>The same column restricted to <paramref name="rows"/>, in that order.</summary>
    public TableColumn Select(IReadOnlyList<int> rows)
    {
        Array picked = Values switch
        {
            float[] v => Pick(v, rows),
            bool[] v => Pick(v, rows),
            uint[] v => Pick(v, rows),
            VBuffer<float>[] v => Pick(v, rows),
            ReadOnlyMemory<char>[] v => Pick(v, rows),
            _ => throw new InvalidOperationException($"Column '{Name}' holds {Values.GetType().Name}, which a table does not."),
        };
        return new TableColumn(Name, Type, picked, Annotations);
    }

    private static T[] Pick<T>(T[] values, IReadOnlyList<int> rows)
    {
        var picked = new T[rows.Count];
        for (var i = 0; i < picked.Length; i++) picked[i] = values[rows[i]];
        return picked;
    }
}
