namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>When <see cref="Nb201Encoding"/> counts two cells as the same network (its canonical key).</summary>
public enum Nb201Equivalence
{
    /// <summary>As the benchmark does: exactly the classes of NATS-Bench's <c>UniqueString</c> (6,466 over the 15,625
    /// cells). The default, so that "distinct architectures" means what it means in the NAS-Bench-201 literature.</summary>
    Benchmark,

    /// <summary>By what the cell computes: zero terms dropped, an operation on a node that receives nothing dropped,
    /// and sums merged, so that the output is a multiset of operation chains applied to the input (4,930 classes).
    /// Coarser than <see cref="Benchmark"/>: each benchmark class lies inside one functional class.</summary>
    Functional,
}
