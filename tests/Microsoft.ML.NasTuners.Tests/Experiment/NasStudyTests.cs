using Microsoft.ML.NasTuners.Storage;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

/// <summary>Ask/tell: trials that run elsewhere, told when they end.</summary>
public class NasStudyTests
{
    private static readonly Func<SearchSpace, int, ITuner> Tpe = (space, seed) => new TpeTuner(space, null, seed);

    [Fact]
    public void Ask_writes_a_running_trial_and_tell_finishes_it()
    {
        using var store = new InMemoryTrialStore();
        var study = NasStudy.Open("s", store, ExperimentTestKit.SmallSpace(), Tpe, seed: 1);

        var trial = study.Ask();
        store.GetTrials("s").Single().Status.Should().Be(TrialStatus.Running);
        study.Tell(trial, 1.5);

        var stored = store.GetTrials("s").Single();
        stored.Status.Should().Be(TrialStatus.Succeeded);
        stored.Loss.Should().Be(1.5);
        study.BestTrial!.Loss.Should().Be(1.5);
    }

    [Fact]
    public void A_study_reopened_from_its_store_asks_what_it_would_have_asked()
    {
        using var store = new InMemoryTrialStore();
        var space = ExperimentTestKit.SmallSpace();
        var whole = NasStudy.Open("whole", store, space, Tpe, seed: 5);
        var first = NasStudy.Open("split", store, space, Tpe, seed: 5);
        for (var i = 0; i < 15; i++)
        {
            var a = whole.Ask();
            whole.Tell(a, ExperimentTestKit.Loss(a.Parameter));
            var b = first.Ask();
            first.Tell(b, ExperimentTestKit.Loss(b.Parameter));
        }

        var reopened = NasStudy.Open("split", store, space, Tpe, seed: 5);
        for (var i = 0; i < 10; i++)
        {
            var a = whole.Ask();
            var b = reopened.Ask();
            b.TrialId.Should().Be(a.TrialId);
            b.Parameter.Equals(a.Parameter).Should().BeTrue($"trial {a.TrialId}");
            whole.Tell(a, ExperimentTestKit.Loss(a.Parameter));
            reopened.Tell(b, ExperimentTestKit.Loss(b.Parameter));
        }
    }

    [Fact]
    public void Trials_asked_together_are_pending_and_may_be_told_in_any_order()
    {
        var study = NasStudy.InMemory(ExperimentTestKit.SmallSpace(), Tpe, seed: 2);
        var asked = Enumerable.Range(0, 4).Select(_ => study.Ask()).ToList();

        asked.Select(t => t.TrialId).Should().Equal(0, 1, 2, 3);
        study.Trials.Should().OnlyContain(t => t.Status == TrialStatus.Running);
        study.Tell(asked[2], TrialStatus.Failed, "out of memory");
        study.Tell(asked[0], 2.0);
        study.Trials.Select(t => t.Status).Should().Equal(TrialStatus.Succeeded, TrialStatus.Running, TrialStatus.Failed, TrialStatus.Running);
        study.Trials[2].Result!.Error.Should().Be("out of memory");
    }

    [Fact]
    public void Enqueued_parameters_are_asked_first_and_added_trials_are_learned()
    {
        var space = ExperimentTestKit.SmallSpace();
        var study = NasStudy.InMemory(space, Tpe, seed: 2);
        var warm = space.SampleFromFeatureSpace([0.1, 0.2, 0.3]);
        study.AddTrial(space.SampleDefault(), 0.25);
        study.Enqueue(warm);

        var next = study.Ask();

        next.TrialId.Should().Be(1);
        next.Parameter.Equals(warm).Should().BeTrue();
        study.BestTrial!.Loss.Should().Be(0.25);
        study.Trials[0].Origin.Should().Be(TrialOrigin.Given);
    }

    [Fact]
    public void Telling_a_trial_twice_or_one_never_asked_for_is_an_error()
    {
        var study = NasStudy.InMemory(ExperimentTestKit.SmallSpace(), Tpe, seed: 2);
        var trial = study.Ask();
        study.Tell(trial, 1);

        FluentActions.Invoking(() => study.Tell(trial, 2)).Should().Throw<InvalidOperationException>().WithMessage("*already told*");
        FluentActions.Invoking(() => study.Tell(new TrialSettings { TrialId = 99 }, 2)).Should().Throw<InvalidOperationException>().WithMessage("*99*never asked*");
        FluentActions.Invoking(() => study.Tell(trial, TrialStatus.Running)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => study.Enqueue(new SearchSpace { ["other"] = new UniformIntOption(1, 2) }.SampleDefault()))
            .Should().Throw<Exception>();
    }
}
