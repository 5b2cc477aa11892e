using Microsoft.ML.Data;

namespace Microsoft.ML.NasTuners.TorchSharp.MLNet;

/// <summary>A cursor over the input with each row's score and predicted label.</summary>
internal sealed class ScoredCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _input;
    private readonly ScoredRowCore _core;

    public ScoredCursor(DataViewRowCursor input, ScoredRowCore core)
    {
        _input = input;
        _core = core;
    }

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override DataViewSchema Schema => _core.Schema;

    public override bool MoveNext() => _input.MoveNext();

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _core.GetGetter<TValue>(column);

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _core.IsColumnActive(column);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _input.Dispose();
        base.Dispose(disposing);
    }
}
