using Microsoft.ML.Data;

namespace Microsoft.ML.NasTuners.TorchSharp.MLNet;

/// <summary>One input row with its score and predicted label (for prediction engines).</summary>
internal sealed class ScoredRow : DataViewRow
{
    private readonly DataViewRow _input;
    private readonly ScoredRowCore _core;

    public ScoredRow(DataViewRow input, ScoredRowCore core)
    {
        _input = input;
        _core = core;
    }

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override DataViewSchema Schema => _core.Schema;

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _core.GetGetter<TValue>(column);

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _core.IsColumnActive(column);
}
