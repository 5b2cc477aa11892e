namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>A tuner the benchmark can run: its name, a one-line description and how to create it.</summary>
/// <param name="Name">The name used on the command line and in results.</param>
/// <param name="Description">A one-line description.</param>
/// <param name="Factory">Creates the tuner for one run.</param>
/// <param name="AppliesTo">The problems the tuner can search; null means every problem.</param>
/// <param name="Requirement">What <paramref name="AppliesTo"/> asks of a problem, in words, for messages.</param>
public sealed record TunerRegistration(string Name, string Description, TunerFactory Factory,
    Func<IBenchmarkProblem, bool>? AppliesTo = null, string? Requirement = null)
{
    /// <summary>True when the tuner can search <paramref name="problem"/>.</summary>
    public bool CanRun(IBenchmarkProblem problem) => AppliesTo?.Invoke(problem) ?? true;
}
