using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Tuners;

/// <summary>Every <see cref="TunerKind"/> names one standard tuner, built with that tuner's defaults.</summary>
public class StandardTunersTests
{
    private static SearchSpace Space() => new() { ["x"] = new UniformDoubleOption(0, 1), ["k"] = new ChoiceOption("a", "b") };

    public static TheoryData<TunerKind, Type> KindsAndTypes => new()
    {
        { TunerKind.Random, typeof(RandomSearchTuner) },
        { TunerKind.Sobol, typeof(SobolTuner) },
        { TunerKind.Smac, typeof(SmacTuner) },
        { TunerKind.Tpe, typeof(TpeTuner) },
        { TunerKind.TpeMultivariate, typeof(TpeTuner) },
        { TunerKind.Gp, typeof(GpTuner) },
        { TunerKind.GpMap, typeof(GpTuner) },
        { TunerKind.Evolution, typeof(RegularizedEvolutionTuner) },
        { TunerKind.Hyperband, typeof(HyperbandTuner) },
        { TunerKind.Asha, typeof(HyperbandTuner) },
        { TunerKind.Bohb, typeof(BohbTuner) },
        { TunerKind.Auto, typeof(AutoTuner) },
    };

    [Fact]
    public void Every_kind_is_listed_here()
    {
        KindsAndTypes.Select(row => (TunerKind)row[0]).Should().BeEquivalentTo(Enum.GetValues<TunerKind>());
    }

    [Theory]
    [MemberData(nameof(KindsAndTypes))]
    public void A_kind_builds_its_tuner_and_multi_fidelity_ones_take_the_budgets(TunerKind kind, Type type)
    {
        var tuner = StandardTuners.Create(kind, Space(), seed: 3, new BudgetRange(1.0 / 9, 1));

        tuner.Should().BeOfType(type);
        (tuner is IMultiFidelityTuner).Should().Be(StandardTuners.IsMultiFidelity(kind));
        if (tuner is IMultiFidelityTuner multiFidelity)
            multiFidelity.BudgetRange.Should().Be(new BudgetRange(1.0 / 9, 1));
    }

    [Theory]
    [InlineData(TunerKind.Hyperband)]
    [InlineData(TunerKind.Asha)]
    [InlineData(TunerKind.Bohb)]
    public void A_multi_fidelity_kind_without_budgets_is_refused(TunerKind kind)
    {
        var act = () => StandardTuners.Create(kind, Space(), seed: 3);

        act.Should().Throw<ArgumentException>().WithParameterName("budgets").WithMessage($"*{kind}*budget range*");
    }

    [Fact]
    public void The_seed_reaches_the_tuner()
    {
        Proposals(seed: 9).Should().Equal(Proposals(seed: 9));
        Proposals(seed: 9).Should().NotEqual(Proposals(seed: 10));
    }

    private static List<string> Proposals(int seed)
    {
        var tuner = StandardTuners.Create(TunerKind.Random, Space(), seed);
        return Enumerable.Range(0, 5).Select(i => tuner.Propose(new TrialSettings { TrialId = i }).ToString()).ToList();
    }
}
