namespace Microsoft.ML.NasTuners.AutoML.Tests;

using Microsoft.ML.AutoML;
using Microsoft.ML.NasTuners.Tuners;
using Microsoft.ML.SearchSpace;

/// <summary>Inside AutoML's loop our model-based tuners search exactly as in our own experiment: on Branin, given as
/// an AutoML <c>SearchSpace&lt;T&gt;</c> read from <c>[Range]</c> attributes, the same seed gives the same regrets.</summary>
public class BraninRegretTests
{
    private const int Trials = 25;
    private const int Seed = 42;

    // f* = 5/(4π), at (-π, 12.275), (π, 2.275) and (3π, 2.475).
    private const double Optimum = 0.3978873577297384;

    /// <summary>Branin's two inputs, as a user declares them for ML.NET's search spaces.</summary>
    public sealed class BraninInputs
    {
        [Range(-5.0, 10.0)]
        public double X0 { get; set; }

        [Range(0.0, 15.0)]
        public double X1 { get; set; }
    }

    public static TheoryData<TunerKind> ModelBasedKinds => new(TunerKind.Smac, TunerKind.Tpe, TunerKind.Gp);

    [Theory]
    [MemberData(nameof(ModelBasedKinds))]
    public async Task Through_AutoMLs_loop_a_tuner_reaches_the_same_regrets_as_through_our_experiment(TunerKind kind)
    {
        var ours = await new MLContext(0).Nas().CreateExperiment()
            .SetSearchSpace(new NasTuners.SearchSpace<BraninInputs>())
            .SetTuner((space, seed) => StandardTuners.Create(kind, space, seed))
            .SetObjective((parameter, _, _) => Branin(parameter.AsType<BraninInputs>()))
            .SetMaxTrials(Trials)
            .SetSeed(Seed)
            .RunAsync();
        var autoML = await TwinRun.RunAsync(
            experiment => experiment.AddSearchSpace("branin", new SearchSpace<BraninInputs>()),
            services => AutoMLTuners.Create<ITuner>(services, kind, Seed),
            Trials, trial => Branin(trial.Parameter["branin"].AsType<BraninInputs>()));

        var ourRegrets = Regrets(ours.Trials.OrderBy(t => t.TrialSettings.TrialId).Select(t => t.Loss));
        var autoMLRegrets = Regrets(autoML.Runner.Trials.Select(t => Branin(t.Parameter["branin"].AsType<BraninInputs>())));
        autoMLRegrets.Should().Equal(ourRegrets);
        autoMLRegrets[^1].Should().BeLessThan(autoMLRegrets[0], "the tuner improves on its first trial");
    }

    private static double Branin(BraninInputs x)
    {
        const double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
        var square = x.X1 - b * x.X0 * x.X0 + c * x.X0 - 6;
        return square * square + 10 * (1 - t) * Math.Cos(x.X0) + 10;
    }

    private static List<double> Regrets(IEnumerable<double> losses)
    {
        var best = double.PositiveInfinity;
        return losses.Select(loss => (best = Math.Min(best, loss)) - Optimum).ToList();
    }
}
