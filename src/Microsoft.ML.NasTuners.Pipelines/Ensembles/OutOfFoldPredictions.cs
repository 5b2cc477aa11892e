using Microsoft.ML.Data;

namespace Microsoft.ML.NasTuners.Pipelines.Ensembles;

/// <summary>
/// A trial's predictions for the training rows it was validated on, each made by the model of the fold that did not
/// train on that row: what an ensemble learns to combine without rewarding a member for memorising its own rows. A row
/// no fold validated (outside a holdout) has none.
/// </summary>
internal sealed class OutOfFoldPredictions
{
    private readonly float[]?[] _rows;

    public OutOfFoldPredictions(int rowCount, int width)
    {
        _rows = new float[]?[rowCount];
        Width = width;
    }

    /// <summary>Numbers per row: 1 (binary: the probability of the positive class; regression: the score), or the
    /// number of classes (multiclass: the score of each class).</summary>
    public int Width { get; }

    /// <summary>The rows that have predictions, ascending.</summary>
    public IEnumerable<int> PredictedRows => Enumerable.Range(0, _rows.Length).Where(r => _rows[r] is not null);

    public bool HasPrediction(int row) => _rows[row] is not null;

    public float[] this[int row] => _rows[row] ?? throw new InvalidOperationException($"Row {row} was not validated.");

    /// <summary>The column a task's prediction is read from.</summary>
    public static string ColumnFor(PipelineTask task) => task == PipelineTask.BinaryClassification ? "Probability" : "Score";

    /// <summary>Records the predictions of <paramref name="scored"/> (a fold's validation rows through its model) for
    /// the training rows <paramref name="rows"/>, in order.</summary>
    public void Record(PipelineTask task, IDataView scored, IReadOnlyList<int> rows)
    {
        var column = ColumnFor(task);
        var values = scored.Schema[column].Type is VectorDataViewType
            ? scored.GetColumn<float[]>(column).ToArray()
            : scored.GetColumn<float>(column).Select(v => new[] { v }).ToArray();
        if (values.Length != rows.Count) throw new InvalidOperationException($"{values.Length} predictions for {rows.Count} rows.");
        for (var i = 0; i < rows.Count; i++)
        {
            if (values[i].Length != Width) throw new InvalidOperationException($"A prediction of {values[i].Length} numbers where {Width} were expected.");
            _rows[rows[i]] = values[i];
        }
    }
}
