namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>A member of an evolution's population: a point of the model view, its loss and the trial that scored it.</summary>
/// <param name="Point">The raw values of the model view (NaN where inactive).</param>
/// <param name="Loss">The loss of the trial (finite).</param>
/// <param name="TrialId">The trial that scored the point.</param>
public sealed record EvolutionMember(IReadOnlyList<double> Point, double Loss, int TrialId);
