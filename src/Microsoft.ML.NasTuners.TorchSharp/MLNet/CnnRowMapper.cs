using Microsoft.ML.Data;

namespace Microsoft.ML.NasTuners.TorchSharp.MLNet;

/// <summary>Maps single rows, so that prediction engines work.</summary>
internal sealed class CnnRowMapper : IRowToRowMapper
{
    private readonly CnnSchemaBinding _binding;
    private readonly CnnScorer _scorer;

    public CnnRowMapper(CnnSchemaBinding binding, CnnScorer scorer)
    {
        _binding = binding;
        _scorer = scorer;
    }

    public DataViewSchema InputSchema => _binding.Input;

    public DataViewSchema OutputSchema => _binding.Output;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        _binding.Dependencies(dependingColumns);

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns) =>
        new ScoredRow(input, new ScoredRowCore(input, _binding, activeColumns, _scorer));
}
