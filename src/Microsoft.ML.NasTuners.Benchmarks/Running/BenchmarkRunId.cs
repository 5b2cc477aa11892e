namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>One run of a benchmark: a tuner on a problem with a seed. Its records are those with these three values.</summary>
/// <param name="Problem">The problem's name.</param>
/// <param name="Tuner">The tuner's name.</param>
/// <param name="Seed">The seed.</param>
public readonly record struct BenchmarkRunId(string Problem, string Tuner, int Seed) : IComparable<BenchmarkRunId>
{
    /// <summary>The run a record belongs to.</summary>
    public static BenchmarkRunId Of(TrialRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new BenchmarkRunId(record.Problem, record.Tuner, record.Seed);
    }

    /// <summary>Orders by problem, tuner (ordinal) then seed, the order of <see cref="BenchmarkRunner.Run(BenchmarkPlan, IProgress{BenchmarkProgress}?, CancellationToken)"/>'s records.</summary>
    public int CompareTo(BenchmarkRunId other)
    {
        var order = string.CompareOrdinal(Problem, other.Problem);
        if (order == 0) order = string.CompareOrdinal(Tuner, other.Tuner);
        return order != 0 ? order : Seed.CompareTo(other.Seed);
    }

    /// <summary>"problem / tuner / seed N", as messages name a run.</summary>
    public override string ToString() => $"{Problem} / {Tuner} / seed {Seed}";
}
