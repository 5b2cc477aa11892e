using Microsoft.ML.Data;

namespace Microsoft.ML.NasTuners.Pipelines.Data;

/// <summary>
/// The training data held in memory, column by column, as an <see cref="IDataView"/>. Searching pipelines cuts the
/// same rows many ways (stratified folds, holdout, a fraction of the rows as a low fidelity); rows picked by index
/// make those cuts exact and seeded, which ML.NET's public operations (no stratification, no row index) cannot.
/// </summary>
internal sealed class Table : IDataView
{
    private readonly TableColumn[] _columns;

    public Table(IReadOnlyList<TableColumn> columns)
    {
        if (columns.Count == 0) throw new ArgumentException("A table needs at least one column.", nameof(columns));
        var rows = columns[0].Values.Length;
        if (columns.Any(c => c.Values.Length != rows)) throw new ArgumentException("Every column needs the same number of rows.", nameof(columns));
        _columns = columns.ToArray();
        RowCount = rows;
        var builder = new DataViewSchema.Builder();
        foreach (var column in _columns) builder.AddColumn(column.Name, column.Type, column.Annotations);
        Schema = builder.ToSchema();
    }

    public int RowCount { get; }

    public IReadOnlyList<TableColumn> Columns => _columns;

    public TableColumn this[string name] => _columns.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"No column '{name}'. Columns: {string.Join(", ", _columns.Select(c => c.Name))}.");

    public DataViewSchema Schema { get; }

    public bool CanShuffle => false;

    public long? GetRowCount() => RowCount;

    /// <summary>The rows <paramref name="rows"/>, in that order.</summary>
    public Table Select(IReadOnlyList<int> rows) => new(_columns.Select(c => c.Select(rows)).ToArray());

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new TableCursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [new TableCursor(this)];

    private sealed class TableCursor(Table table) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => table.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext() => ++_position < table.RowCount;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (table._columns[column.Index].Values is VBuffer<float>[] vectors)
            {
                // Copied: a reader may write into the buffer it is given, which must not be the table's own.
                ValueGetter<VBuffer<float>> copy = (ref VBuffer<float> value) => vectors[_position].CopyTo(ref value);
                return (ValueGetter<TValue>)(Delegate)copy;
            }
            if (table._columns[column.Index].Values is not TValue[] values)
                throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}.");
            return (ref TValue value) => value = values[_position];
        }
    }
}
