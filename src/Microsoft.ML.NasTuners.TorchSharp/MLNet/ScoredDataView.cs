namespace Microsoft.ML.NasTuners.TorchSharp.MLNet;

/// <summary>The input data with the score and predicted-label columns, computed lazily row by row.</summary>
internal sealed class ScoredDataView : IDataView
{
    private readonly IDataView _input;
    private readonly CnnSchemaBinding _binding;
    private readonly CnnScorer _scorer;

    public ScoredDataView(IDataView input, CnnSchemaBinding binding, CnnScorer scorer)
    {
        _input = input;
        _binding = binding;
        _scorer = scorer;
    }

    public bool CanShuffle => _input.CanShuffle;

    public DataViewSchema Schema => _binding.Output;

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        var input = _input.GetRowCursor(_binding.Dependencies(needed), rand);
        return new ScoredCursor(input, new ScoredRowCore(input, _binding, needed, _scorer));
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
