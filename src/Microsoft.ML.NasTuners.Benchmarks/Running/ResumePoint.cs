namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Where a benchmark resumes (see <see cref="BenchmarkResume.Prepare"/>): what its file kept and dropped.</summary>
public sealed record ResumePoint
{
    /// <summary>A start from nothing: no file, or one without records.</summary>
    public static ResumePoint Empty { get; } = new();

    /// <summary>The runs the file holds completely, which need not run again; their rows stay in the file.</summary>
    public IReadOnlyList<RunStatistics> CompleteRuns { get; init; } = [];

    /// <summary>The records of <see cref="CompleteRuns"/>.</summary>
    public long KeptRecords { get; init; }

    /// <summary>The runs that were not provably complete; their rows were removed and they run again.</summary>
    public IReadOnlyList<BenchmarkRunId> DroppedRuns { get; init; } = [];

    /// <summary>The records removed with <see cref="DroppedRuns"/>.</summary>
    public long DroppedRecords { get; init; }

    /// <summary>True when the file ended in a partial line (the writer was killed mid-line), which was removed.</summary>
    public bool DroppedPartialLine { get; init; }
}
