namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>
/// The AutoML types the bridge talks to, found from the user's <c>Microsoft.ML.AutoML.ITuner</c>: its
/// <c>Propose</c> gives <c>TrialSettings</c> and <c>Parameter</c>, its <c>Update</c> gives <c>TrialResult</c>, and its
/// assembly holds <c>AutoMLExperiment.AutoMLExperimentSettings</c>. Only public members named in the AutoML contract
/// are read.
/// </summary>
internal sealed class AutoMLContract(Type experimentSettings, AutoMLParameters parameters)
{
    internal const string TunerInterfaceName = "Microsoft.ML.AutoML.ITuner";
    private const string ParameterName = "Microsoft.ML.SearchSpace.Parameter";
    private const string ExperimentSettingsName = "Microsoft.ML.AutoML.AutoMLExperiment+AutoMLExperimentSettings";

    /// <summary>AutoML's <c>AutoMLExperiment.AutoMLExperimentSettings</c>, which the service provider resolves.</summary>
    public Type ExperimentSettings => experimentSettings;

    /// <summary>AutoML's <c>Parameter</c>, made and read through reflection.</summary>
    public AutoMLParameters Parameters => parameters;

    /// <summary>Binds to the AutoML whose <c>ITuner</c> is <paramref name="tuner"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="tuner"/> is not AutoML's <c>ITuner</c>.</exception>
    public static AutoMLContract Bind(Type tuner)
    {
        ArgumentNullException.ThrowIfNull(tuner);
        var propose = tuner.IsInterface && tuner.FullName == TunerInterfaceName ? tuner.GetMethod("Propose") : null;
        if (propose?.ReturnType.FullName != ParameterName || propose.GetParameters().Length != 1 || tuner.GetMethod("Update") is null)
            throw new ArgumentException(
                $"The type argument must be {TunerInterfaceName} (call AutoMLTuners.Create<ITuner>(...) with Microsoft.ML.AutoML in scope), got {tuner.FullName}.",
                nameof(tuner));
        var settings = tuner.Assembly.GetType(ExperimentSettingsName)
                       ?? throw Reflected.Mismatch(tuner, $"companion type {ExperimentSettingsName} in its assembly");
        return new AutoMLContract(settings, new AutoMLParameters(propose.ReturnType));
    }

    /// <summary>The experiment-level search space of the experiment whose services <paramref name="services"/> are.</summary>
    /// <exception cref="InvalidOperationException">The provider knows no experiment settings.</exception>
    public object ExperimentSettingsFrom(IServiceProvider services) =>
        services.GetService(ExperimentSettings)
        ?? throw new InvalidOperationException(
            "The service provider has no AutoMLExperiment.AutoMLExperimentSettings. Create the tuner inside AutoML's factory: "
            + "experiment.SetTuner(sp => AutoMLTuners.Create<ITuner>(sp, TunerKind.Smac, seed: 1)).");

    public static object SearchSpaceOf(object experimentSettings) =>
        Reflected.Get(experimentSettings, "SearchSpace")
        ?? throw new InvalidOperationException("The experiment has no search space: call SetPipeline or AddSearchSpace before RunAsync.");

    public static int? SeedOf(object experimentSettings) => (int?)Reflected.Get(experimentSettings, "Seed");

    public static int TrialIdOf(object trialSettings) => Reflected.Get<int>(trialSettings, "TrialId");

    public static DateTime StartedAtOf(object trialSettings) => Reflected.Get<DateTime>(trialSettings, "StartedAtUtc");

    public static object TrialSettingsOf(object trialResult) => Reflected.Get(trialResult, "TrialSettings")
                                                                 ?? throw new ArgumentException("The trial result has no TrialSettings.", nameof(trialResult));

    public static double LossOf(object trialResult) => Reflected.Get<double>(trialResult, "Loss");

    public static double DurationOf(object trialResult) => Reflected.Get<double>(trialResult, "DurationInMilliseconds");
}
