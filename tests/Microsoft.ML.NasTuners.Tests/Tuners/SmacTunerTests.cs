using Microsoft.ML.NasTuners.Tests.SearchSpaces;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Tuners;

public class SmacTunerTests
{
    // Fewer random candidates keep the tests fast; the search is the same.
    private static readonly SmacOptions Fast = new() { RandomCandidates = 500 };

    private static TrialResult Result(TrialSettings settings, Parameter parameter, double loss, TrialStatus status = TrialStatus.Succeeded)
    {
        settings.Parameter = parameter;
        return new TrialResult { TrialSettings = settings, Loss = loss, Status = status };
    }

    [Fact]
    public void Proposals_are_valid_and_never_repeat_on_a_conditional_space()
    {
        var space = TestSpaces.Rich();
        var tuner = new SmacTuner(space, Fast, seed: 1);
        var random = new Random(2);
        var history = SmacTestProblems.Run(tuner, _ => random.NextDouble(), 40);
        foreach (var (parameter, _) in history) space.Invoking(s => s.MappingToFeatureSpace(parameter)).Should().NotThrow();
        history.Select(h => h.Parameter).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_same_seed_and_history_give_the_same_proposals()
    {
        var a = SmacTestProblems.Run(new SmacTuner(TestSpaces.Mixed3(), Fast, seed: 3), SmacTestProblems.Mixed3, 35);
        var b = SmacTestProblems.Run(new SmacTuner(TestSpaces.Mixed3(), Fast, seed: 3), SmacTestProblems.Mixed3, 35);
        var c = SmacTestProblems.Run(new SmacTuner(TestSpaces.Mixed3(), Fast, seed: 4), SmacTestProblems.Mixed3, 35);
        a.Select(h => h.Parameter.ToString()).Should().Equal(b.Select(h => h.Parameter.ToString()));
        a.Select(h => h.Parameter.ToString()).Should().NotEqual(c.Select(h => h.Parameter.ToString()));
    }

    [Fact]
    public void Pending_proposals_are_distinct_from_each_other_and_from_evaluated_trials()
    {
        var options = new SmacOptions { RandomCandidates = 500, RandomProposalProbability = 0 };
        var tuner = new SmacTuner(SmacTestProblems.BraninSpace(), options, seed: 5);
        var evaluated = SmacTestProblems.Run(tuner, SmacTestProblems.Branin, 20).Select(h => h.Parameter).ToList();
        var pending = Enumerable.Range(20, 8).Select(id => tuner.Propose(new TrialSettings { TrialId = id })).ToList();
        tuner.PendingCount.Should().Be(8);
        pending.Should().OnlyHaveUniqueItems();
        pending.Should().NotIntersectWith(evaluated);
    }

    [Fact]
    public void Pending_proposals_on_a_small_discrete_space_cover_the_points_not_yet_taken()
    {
        var space = new NasTuners.SearchSpace
        {
            ["a"] = new ChoiceOption("x", "y", "z"),
            ["b"] = new UniformIntOption(1, 3),
        };
        var tuner = new SmacTuner(space, new SmacOptions { InitialTrials = 3, RandomCandidates = 50, RandomProposalProbability = 0 }, seed: 6);
        var evaluated = SmacTestProblems.Run(tuner, p => p["b"].AsDouble(), 5).Select(h => h.Parameter.ToString());
        var pending = Enumerable.Range(5, 4).Select(id => tuner.Propose(new TrialSettings { TrialId = id }).ToString());
        evaluated.Concat(pending).Should().OnlyHaveUniqueItems().And.HaveCount(9);
    }

    [Fact]
    public void Failed_trials_stay_out_of_the_forest_and_are_never_proposed_again()
    {
        // 30 points; those below 11 fail (some with a loss attached). Proposals must exhaust the space without a repeat.
        var space = new NasTuners.SearchSpace { ["k"] = new UniformIntOption(1, 30) };
        var tuner = new SmacTuner(space, new SmacOptions { InitialTrials = 5, RandomCandidates = 100, RandomProposalProbability = 0 }, seed: 7);
        var proposed = new List<long>();
        var failures = 0;
        for (var id = 0; id < 30; id++)
        {
            var settings = new TrialSettings { TrialId = id };
            var parameter = tuner.Propose(settings);
            var k = parameter["k"].AsType<long>();
            proposed.Add(k);
            var result = k <= 10
                ? Result(settings, parameter, (k % 3) switch { 0 => double.NaN, 1 => 1e9, _ => double.PositiveInfinity },
                    k % 2 == 0 ? TrialStatus.Failed : TrialStatus.Succeeded)
                : Result(settings, parameter, k);
            if (k <= 10 && result.HasUsableLoss) result = Result(settings, parameter, 1e9, TrialStatus.TimedOut);
            if (!result.HasUsableLoss) failures++;
            tuner.Update(result);
        }
        proposed.Should().OnlyHaveUniqueItems();
        failures.Should().Be(10);
        tuner.ObservedLosses.Should().HaveCount(20).And.OnlyContain(loss => loss > 10 && loss <= 30);
    }

    [Fact]
    public void Bad_losses_and_unknown_or_cancelled_trials_do_not_break_the_tuner()
    {
        var tuner = new SmacTuner(SmacTestProblems.BraninSpace(), Fast, seed: 8);
        SmacTestProblems.Run(tuner, SmacTestProblems.Branin, 15);
        // A warm-start result the tuner never proposed, a cancelled one, a failure without a parameter.
        tuner.Update(Result(new TrialSettings { TrialId = 100 }, Parameter.Parse("""{"x":1.0,"y":2.0}"""), 3.0));
        var cancelled = new TrialSettings { TrialId = 15 };
        var cancelledParameter = tuner.Propose(cancelled);
        tuner.Update(Result(cancelled, cancelledParameter, double.NaN, TrialStatus.Cancelled));
        tuner.Update(new TrialResult { TrialSettings = new TrialSettings { TrialId = 101 }, Status = TrialStatus.Failed, Error = "boom" });
        tuner.ObservedLosses.Should().HaveCount(16);
        tuner.PendingCount.Should().Be(0);
        var next = SmacTestProblems.Run(tuner, p => double.NaN, 5);
        next.Should().HaveCount(5);
        tuner.ObservedLosses.Should().HaveCount(16);
    }

    [Fact]
    public void On_a_conditional_space_the_model_keeps_to_the_branch_that_is_clearly_better()
    {
        // mixed3's parameters, but branches A and B cost 5 more than anything in C.
        double Objective(Parameter p) => p["branch"].AsString() == "C" ? SmacTestProblems.Mixed3(p) : 5 + SmacTestProblems.Mixed3(p);
        var options = new SmacOptions { RandomCandidates = 500, RandomProposalProbability = 0 };
        var history = SmacTestProblems.Run(new SmacTuner(TestSpaces.Mixed3(), options, seed: 11), Objective, 50);
        history.Skip(20).Count(h => h.Parameter["branch"].AsString() == "C").Should().BeGreaterThanOrEqualTo(27);
    }

    [Fact]
    public void SMAC_beats_random_search_on_hartmann6()
    {
        // A lighter acquisition search than the default keeps the test quick; the benchmark runs the defaults.
        var options = new SmacOptions { RandomCandidates = 500, LocalSearchStartsFromBest = 5, LocalSearchStartsFromRandom = 5 };
        double smacTotal = 0, randomTotal = 0;
        for (var seed = 0; seed < 3; seed++)
        {
            smacTotal += SmacTestProblems.Run(new SmacTuner(SmacTestProblems.Hartmann6Space(), options, seed), SmacTestProblems.Hartmann6, 50).Min(h => h.Loss);
            randomTotal += SmacTestProblems.Run(new RandomSearchTuner(SmacTestProblems.Hartmann6Space(), seed), SmacTestProblems.Hartmann6, 50).Min(h => h.Loss);
        }
        smacTotal.Should().BeLessThan(randomTotal);
    }

    [Fact]
    public void Log_transformed_losses_work_for_positive_and_for_negative_objectives()
    {
        var options = new SmacOptions { RandomCandidates = 500, LossTransform = SmacLossTransform.Log };
        var branin = SmacTestProblems.Run(new SmacTuner(SmacTestProblems.BraninSpace(), options, seed: 9), SmacTestProblems.Branin, 40);
        branin.Min(h => h.Loss).Should().BeLessThan(2);
        var hartmann = SmacTestProblems.Run(new SmacTuner(SmacTestProblems.Hartmann6Space(), options, seed: 10), SmacTestProblems.Hartmann6, 30);
        hartmann.Select(h => h.Parameter).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Options_outside_their_range_are_rejected_by_name()
    {
        var space = SmacTestProblems.BraninSpace();
        FluentActions.Invoking(() => new SmacTuner(space, new SmacOptions { RandomProposalProbability = 1.5 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("RandomProposalProbability");
        FluentActions.Invoking(() => new SmacTuner(space, new SmacOptions { InitialTrials = 0 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("InitialTrials");
        FluentActions.Invoking(() => new SmacTuner(space, new SmacOptions { Forest = new() { MinSamplesPerLeaf = 0 } }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MinSamplesPerLeaf");
        FluentActions.Invoking(() => new SmacTuner(null!)).Should().Throw<ArgumentNullException>();
        new SmacOptions().InitialTrialsFor(6).Should().Be(12);
        new SmacOptions().InitialTrialsFor(2).Should().Be(10);
    }
}
