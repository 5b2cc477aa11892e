namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Creates a fresh tuner for one benchmark run.</summary>
/// <param name="searchSpace">The problem's search space.</param>
/// <param name="seed">The run's seed; the tuner's every random choice must flow from it.</param>
/// <param name="problem">The problem, for tuners that need more than the space (for example its budget range).</param>
/// <param name="run">The run's trial limit and workers, for tuners that adapt to them (<c>auto</c>).</param>
public delegate ITuner TunerFactory(SearchSpace searchSpace, int seed, IBenchmarkProblem problem, RunShape run);
