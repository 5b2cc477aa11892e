using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Tuners.Architecture;

public class ArchitectureSmboTunerTests
{
    public static TheoryData<string> TunerNames => ["ssk-gp", "wl-gp", "smac-wl", "gp-wl", "tpe-wl"];

    private static ArchitectureSmboTuner Create(string name, int seed, ArchitectureSmboOptions? options = null)
    {
        var space = ToyCell.Space();
        var encoding = new ToyCell();
        options ??= new ArchitectureSmboOptions { InitialTrials = 5, RandomCandidates = 30 };
        return name switch
        {
            "ssk-gp" => new StringKernelGpTuner(space, encoding, options, seed: seed),
            "wl-gp" => new GraphKernelGpTuner(space, encoding, options, seed: seed),
            "gp-wl" => new EmbeddingGpTuner(space, encoding, options: options, seed: seed),
            "tpe-wl" => new EmbeddingTpeTuner(space, encoding, options: options, seed: seed),
            _ => new EmbeddingForestTuner(space, encoding, options: options, seed: seed),
        };
    }

    private static TrialResult Result(TrialSettings settings, double loss, TrialStatus status = TrialStatus.Succeeded) =>
        new() { TrialSettings = settings, Loss = loss, Status = status };

    // Runs `trials` sequential trials on the toy loss and returns the proposals.
    private static List<Parameter> Run(ArchitectureSmboTuner tuner, int trials)
    {
        var proposals = new List<Parameter>();
        for (var id = 0; id < trials; id++)
        {
            var settings = new TrialSettings { TrialId = id };
            settings.Parameter = tuner.Propose(settings);
            proposals.Add(settings.Parameter);
            tuner.Update(Result(settings, ToyCell.Loss(settings.Parameter)));
        }
        return proposals;
    }

    [Theory]
    [MemberData(nameof(TunerNames))]
    public void It_never_proposes_an_architecture_or_its_isomorphic_twin_twice_until_the_space_is_exhausted(string name)
    {
        var proposals = Run(Create(name, seed: 3), ToyCell.ArchitectureCount);

        var keys = proposals.Select(new ToyCell().CanonicalKey).ToList();
        keys.Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(TunerNames))]
    public void The_same_seed_gives_the_same_proposals(string name)
    {
        var first = Run(Create(name, seed: 5), 20);
        var second = Run(Create(name, seed: 5), 20);
        var other = Run(Create(name, seed: 6), 20);

        for (var i = 0; i < first.Count; i++) first[i].Equals(second[i]).Should().BeTrue($"proposal {i}");
        Enumerable.Range(0, first.Count).Any(i => !first[i].Equals(other[i])).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(TunerNames))]
    public void Pending_failed_and_nan_trials_are_never_proposed_again(string name)
    {
        var tuner = Create(name, seed: 7);
        var encoding = new ToyCell();
        var keys = new List<string>();
        var id = 0;
        for (var round = 0; round < 8; round++)
        {
            // Three trials run at once; one fails, one returns NaN, one succeeds.
            var batch = Enumerable.Range(0, 3).Select(_ =>
            {
                var s = new TrialSettings { TrialId = id++ };
                s.Parameter = tuner.Propose(s);
                return s;
            }).ToList();
            keys.AddRange(batch.Select(s => encoding.CanonicalKey(s.Parameter)));
            tuner.Update(Result(batch[0], double.NaN, TrialStatus.Failed));
            tuner.Update(Result(batch[1], double.NaN));
            tuner.Update(Result(batch[2], ToyCell.Loss(batch[2].Parameter)));
        }

        keys.Should().OnlyHaveUniqueItems();
        tuner.ObservationCount.Should().Be(8);
    }

    [Theory]
    [MemberData(nameof(TunerNames))]
    public void The_model_finds_the_best_toy_architecture_well_before_exhausting_the_space(string name)
    {
        // The models learn the additive structure of the toy loss.
        var found = new List<int>();
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var proposals = Run(Create(name, seed), 25);
            found.Add(proposals.FindIndex(p => ToyCell.Loss(p) == ToyCell.BestLoss) + 1);
        }

        // Random search's median first hit is about 27 (uniform over the 54 positions).
        found.Should().OnlyContain(n => n >= 1, $"first hits: {string.Join(", ", found)}");
        found.Order().ElementAt(1).Should().BeLessThanOrEqualTo(15, $"first hits: {string.Join(", ", found)}");
    }

    [Theory]
    [MemberData(nameof(TunerNames))]
    public void Equal_losses_everywhere_do_not_break_the_model(string name)
    {
        var tuner = Create(name, seed: 9);
        var encoding = new ToyCell();
        var keys = new List<string>();
        for (var id = 0; id < 20; id++)
        {
            var settings = new TrialSettings { TrialId = id };
            settings.Parameter = tuner.Propose(settings);
            keys.Add(encoding.CanonicalKey(settings.Parameter));
            tuner.Update(Result(settings, 3.0));
        }

        keys.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Bad_options_name_the_option()
    {
        var act = () => Create("wl-gp", 1, new ArchitectureSmboOptions { InitialTrials = 0 });
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("InitialTrials");
    }
}
