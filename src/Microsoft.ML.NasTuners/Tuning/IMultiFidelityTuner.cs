namespace Microsoft.ML.NasTuners;

/// <summary>
/// A tuner that chooses each trial's budget: its <see cref="ITuner.Propose(TrialSettings)"/> writes <see cref="TrialSettings.Budget"/>
/// (within <see cref="BudgetRange"/>) and, for a configuration promoted from a lower budget,
/// <see cref="TrialSettings.ConfigId"/> and <see cref="TrialSettings.PreviousBudget"/>. An experiment without its own
/// budget range (<see cref="NasExperiment.SetBudget"/>) adopts the tuner's.
/// </summary>
public interface IMultiFidelityTuner : ITuner
{
    /// <summary>The budgets the tuner proposes from.</summary>
    BudgetRange BudgetRange { get; }
}
