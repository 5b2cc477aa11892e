namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>A tuner the benchmark can run: its name, a one-line description and how to create it.</summary>
/// <param name="Name">The name used on the command line and in results.</param>
/// <param name="Description">A one-line description.</param>
/// <param name="Factory">Creates the tuner for one run.</param>
public sealed record TunerRegistration(string Name, string Description, TunerFactory Factory);
