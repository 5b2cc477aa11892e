namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Where one run stands after a trial: how many trials it has finished and the regret of its incumbent, the
/// best so far (null while it has no successful trial at the highest budget reached).</summary>
/// <param name="Run">The run.</param>
/// <param name="Trials">Trials it has finished.</param>
/// <param name="Regret">Its best regret so far.</param>
public readonly record struct RunStanding(BenchmarkRunId Run, int Trials, double? Regret);
