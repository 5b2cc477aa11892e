using System.Globalization;
using Microsoft.ML.Data;

namespace Microsoft.ML.NasTuners.Pipelines.Data;

/// <summary>
/// Reads the user's <see cref="IDataView"/> into a <see cref="Table"/>: scalar numbers and Booleans as <c>Single</c>,
/// text as text, the label encoded by a <see cref="LabelEncoding"/>; rows whose label is missing are dropped. Other
/// column types (vectors, keys, dates) are not features and are listed in <see cref="Ignored"/>.
/// </summary>
internal sealed class TableReader
{
    private TableReader(string labelColumnName, IReadOnlyList<FeatureColumn> features, LabelEncoding label, IReadOnlyList<string> ignored)
    {
        LabelColumnName = labelColumnName;
        Features = features;
        Label = label;
        Ignored = ignored;
    }

    public string LabelColumnName { get; }

    public IReadOnlyList<FeatureColumn> Features { get; }

    public LabelEncoding Label { get; }

    /// <summary>Columns of the training data that are not read (unsupported types, or excluded by the user).</summary>
    public IReadOnlyList<string> Ignored { get; }

    /// <summary>Finds the features and the label's classes on the training data.</summary>
    public static TableReader Fit(MLContext context, IDataView data, PipelineTask task, string labelColumnName,
        string? positiveClass, IReadOnlyCollection<string> excludedColumns)
    {
        if (data.Schema.GetColumnOrNull(labelColumnName) is null)
            throw new ArgumentException($"The data has no label column '{labelColumnName}'. Columns: {string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => c.Name))}.", nameof(labelColumnName));
        var features = new List<FeatureColumn>();
        var ignored = new List<string>();
        foreach (var column in data.Schema.Where(c => !c.IsHidden && c.Name != labelColumnName))
        {
            if (excludedColumns.Contains(column.Name)) ignored.Add(column.Name);
            else if (column.Type is NumberDataViewType or BooleanDataViewType) features.Add(new FeatureColumn(column.Name, column.Type, IsNumeric: true));
            else if (column.Type is TextDataViewType) features.Add(new FeatureColumn(column.Name, column.Type, IsNumeric: false));
            else ignored.Add(column.Name);
        }
        if (features.Count == 0) throw new ArgumentException("The data has no numeric, Boolean or text column besides the label.", nameof(data));
        var label = LabelEncoding.Fit(task, task == PipelineTask.Regression ? [] : ReadLabelText(context, data, labelColumnName), labelColumnName, positiveClass);
        return new TableReader(labelColumnName, features, label, ignored);
    }

    /// <summary>Reads <paramref name="data"/> (training, validation or test data with the training data's columns).</summary>
    public (Table Table, int[] Strata) Read(MLContext context, IDataView data)
    {
        foreach (var feature in Features)
            if (data.Schema.GetColumnOrNull(feature.Name) is null)
                throw new ArgumentException($"The data has no column '{feature.Name}', which the training data has.", nameof(data));
        var labelText = Label.Task == PipelineTask.Regression ? null : ReadLabelText(context, data, LabelColumnName);
        var labelNumbers = Label.Task == PipelineTask.Regression ? ReadSingles(context, data, LabelColumnName) : null;
        var keep = Enumerable.Range(0, (labelText?.Length ?? labelNumbers!.Length))
            .Where(i => labelText is not null ? Label.KeyOf(labelText[i]) != 0 : !float.IsNaN(labelNumbers![i])).ToArray();

        var columns = new List<TableColumn>();
        foreach (var feature in Features)
        {
            if (feature.IsNumeric)
                columns.Add(TableColumn.Numeric(feature.Name, Pick(ReadSingles(context, data, feature.Name), keep)));
            else
                columns.Add(TableColumn.Text(feature.Name, Pick(data.GetColumn<ReadOnlyMemory<char>>(feature.Name).ToArray(), keep)));
        }
        columns.Add(Label.Task switch
        {
            PipelineTask.BinaryClassification => TableColumn.Boolean(LabelColumnName, keep.Select(i => Label.KeyOf(labelText![i]) == 2).ToArray()),
            PipelineTask.MulticlassClassification => TableColumn.Key(LabelColumnName, keep.Select(i => Label.KeyOf(labelText![i])).ToArray(), Label.Classes),
            _ => TableColumn.Numeric(LabelColumnName, Pick(labelNumbers!, keep)),
        });
        var strata = keep.Select(i => labelText is null ? 0 : Label.StratumOf(labelText[i])).ToArray();
        return (new Table(columns), strata);
    }

    private static T[] Pick<T>(T[] values, int[] rows) => rows.Select(i => values[i]).ToArray();

    private static float[] ReadSingles(MLContext context, IDataView data, string column)
    {
        var type = data.Schema[column].Type;
        if (type == NumberDataViewType.Single) return data.GetColumn<float>(column).ToArray();
        if (type is not (NumberDataViewType or BooleanDataViewType))
            throw new ArgumentException($"Column '{column}' is {type}, not a number.", nameof(column));
        const string converted = "__nas_single";
        var view = context.Transforms.Conversion.ConvertType(converted, column, DataKind.Single).Fit(data).Transform(data);
        return view.GetColumn<float>(converted).ToArray();
    }

    // A label as text: text as it is, a number written invariantly ("1", "0.5"), a missing number as empty.
    private static string[] ReadLabelText(MLContext context, IDataView data, string column)
    {
        var type = data.Schema[column].Type;
        if (type is TextDataViewType) return data.GetColumn<ReadOnlyMemory<char>>(column).Select(v => v.ToString().Trim()).ToArray();
        if (type is NumberDataViewType or BooleanDataViewType)
            return ReadSingles(context, data, column).Select(v => float.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture)).ToArray();
        throw new ArgumentException($"Label column '{column}' is {type}; a label must be text, a number or a Boolean.", nameof(column));
    }
}
