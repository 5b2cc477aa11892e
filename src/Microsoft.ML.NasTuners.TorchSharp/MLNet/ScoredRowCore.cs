using Microsoft.ML.Data;

namespace Microsoft.ML.NasTuners.TorchSharp.MLNet;

/// <summary>What a scored row and a scored cursor share: pass-through getters for input columns and the computed
/// getters for the two new ones.</summary>
internal sealed class ScoredRowCore
{
    private readonly DataViewRow _input;
    private readonly CnnSchemaBinding _binding;
    private readonly bool[] _active;
    private readonly ScoredColumns? _scored;

    public ScoredRowCore(DataViewRow input, CnnSchemaBinding binding, IEnumerable<DataViewSchema.Column> activeColumns, CnnScorer scorer)
    {
        _input = input;
        _binding = binding;
        _active = new bool[binding.Output.Count];
        foreach (var column in activeColumns) _active[column.Index] = true;
        if (_active[binding.ScoreIndex] || _active[binding.PredictedLabelIndex])
            _scored = new ScoredColumns(input, binding.Feature, scorer);
    }

    public DataViewSchema Schema => _binding.Output;

    public bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

    public ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!_active[column.Index]) throw new InvalidOperationException($"Column '{column.Name}' is not active.");
        if (column.Index < _binding.Input.Count) return _input.GetGetter<TValue>(_binding.Input[column.Index]);
        Delegate getter = column.Index == _binding.ScoreIndex ? _scored!.ScoreGetter : _scored!.PredictedLabelGetter;
        return getter as ValueGetter<TValue>
               ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}; it cannot be read as {typeof(TValue).Name}.");
    }
}
