using Microsoft.ML.Data;

namespace Microsoft.ML.NasTuners.TorchSharp.MLNet;

/// <summary>The two output columns of one input row (or cursor), computed once per row position and shared by both
/// getters.</summary>
internal sealed class ScoredColumns
{
    private readonly DataViewRow _input;
    private readonly CnnScorer _scorer;
    private readonly ValueGetter<VBuffer<float>> _features;
    private readonly float[] _probabilities;
    private VBuffer<float> _buffer;
    private long _cachedPosition = -1;

    public ScoredColumns(DataViewRow input, DataViewSchema.Column featureColumn, CnnScorer scorer)
    {
        _input = input;
        _scorer = scorer;
        _features = input.GetGetter<VBuffer<float>>(featureColumn);
        _probabilities = new float[scorer.ClassCount];
    }

    private void Ensure()
    {
        if (_cachedPosition == _input.Position) return;
        _features(ref _buffer);
        _scorer.Score(_buffer, _probabilities);
        _cachedPosition = _input.Position;
    }

    public ValueGetter<VBuffer<float>> ScoreGetter => (ref VBuffer<float> dst) =>
    {
        Ensure();
        var editor = VBufferEditor.Create(ref dst, _probabilities.Length);
        _probabilities.CopyTo(editor.Values);
        dst = editor.Commit();
    };

    public ValueGetter<uint> PredictedLabelGetter => (ref uint dst) =>
    {
        Ensure();
        dst = CnnScorer.ArgMaxKey(_probabilities);
    };
}
