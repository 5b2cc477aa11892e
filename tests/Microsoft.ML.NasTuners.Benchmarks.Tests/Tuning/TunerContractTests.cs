using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests.Tuning;

/// <summary>
/// The contract every tuner keeps (<see cref="ITuner"/>, <see cref="TrialStatusRules"/>), tested on every tuner the
/// benchmark registers, on the problems it can search: a conditional mixed space, a space with budgets and, for the
/// architecture tuners, NAS-Bench-201 cells.
/// </summary>
public class TunerContractTests
{
    private static readonly string[] ArchitectureProblems = ["nb201_cifar10"];
    private static readonly string[] PlainProblems = ["mixed3", "mf_hartmann6"];

    /// <summary>(tuner, problem) for every registered tuner and each problem it runs on.</summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        var registry = BenchmarkTuners.CreateRegistry();
        foreach (var entry in registry.Entries)
        {
            // A problem whose data set is missing contributes no case; its data tests report the skip and the reason.
            foreach (var problem in (entry.AppliesTo is null ? PlainProblems : ArchitectureProblems).Where(p => BenchmarkProblems.MissingData(p) is null))
                data.Add(entry.Name, problem);
        }
        return data;
    }

    /// <summary>Tuners that promise never to propose a point that was evaluated, failed or is pending.</summary>
    public static TheoryData<string> NoRepeatTuners => ["smac", "gp", "gp-map", "evolution"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_same_seed_gives_the_same_proposals_and_another_seed_others(string tuner, string problem)
    {
        var first = Run(tuner, problem, seed: 3, trials: 20);
        var again = Run(tuner, problem, seed: 3, trials: 20);
        var other = Run(tuner, problem, seed: 4, trials: 20);

        again.Select(t => t.Settings.Parameter).Should().Equal(first.Select(t => t.Settings.Parameter));
        again.Select(t => t.Settings.Budget).Should().Equal(first.Select(t => t.Settings.Budget));
        other.Select(t => t.Settings.Parameter).Should().NotEqual(first.Select(t => t.Settings.Parameter));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_proposal_belongs_to_the_space_and_its_budget_to_the_range(string tuner, string problem)
    {
        var instance = BenchmarkProblems.Create(problem);
        foreach (var (settings, _) in Run(tuner, problem, seed: 1, trials: 30))
        {
            var view = instance.SearchSpace.ModelView;
            // A valid parameter survives the model view's round trip unchanged (conditional keys included).
            SameParameter(view.Decode(view.Encode(settings.Parameter)), settings.Parameter);
            if (settings.Budget is { } budget)
                budget.Should().BeInRange(instance.MinBudget!.Value, instance.MaxBudget!.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pending_trials_are_never_proposed_twice(string tuner, string problem)
    {
        var instance = BenchmarkProblems.Create(problem);
        var t = BenchmarkTuners.CreateRegistry().Create(tuner, instance.SearchSpace, 5, instance);
        var history = new List<TrialResult>();
        // A warm history, then four workers' worth of proposals before any of them ends.
        for (var id = 0; id < 12; id++)
            history.Add(Evaluate(t, instance, id));
        var pending = Enumerable.Range(12, 4).Select(id => Propose(t, id)).ToList();

        pending.Select(s => (s.Parameter.ToString(), s.Budget, s.ConfigId)).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Failed_nan_infinite_timed_out_cancelled_and_running_results_never_break_a_tuner(string tuner, string problem)
    {
        var instance = BenchmarkProblems.Create(problem);
        var t = BenchmarkTuners.CreateRegistry().Create(tuner, instance.SearchSpace, 6, instance);
        TrialResult[] Bad(TrialSettings s) =>
        [
            new() { TrialSettings = s, Status = TrialStatus.Failed, Error = "boom" },
            new() { TrialSettings = s, Loss = double.NaN },
            new() { TrialSettings = s, Loss = double.PositiveInfinity },
            new() { TrialSettings = s, Loss = double.NegativeInfinity },
            new() { TrialSettings = s, Status = TrialStatus.TimedOut },
            new() { TrialSettings = s, Status = TrialStatus.Cancelled },
        ];
        for (var id = 0; id < 40; id++)
        {
            var settings = Propose(t, id);
            if (id % 3 == 0)
            {
                // Still running first (the trial stays pending), then one of the ways a trial ends without a loss.
                t.Update(new TrialResult { TrialSettings = settings, Status = TrialStatus.Running });
                t.Update(Bad(settings)[id / 3 % 6]);
            }
            else
            {
                t.Update(new TrialResult { TrialSettings = settings, Loss = instance.Evaluate(settings.Parameter, settings.Budget) });
            }
        }
        var last = Propose(t, 40);
        SameParameter(instance.SearchSpace.ModelView.Decode(instance.SearchSpace.ModelView.Encode(last.Parameter)), last.Parameter);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Huge_finite_losses_never_break_a_tuner(string tuner, string problem)
    {
        var instance = BenchmarkProblems.Create(problem);
        var t = BenchmarkTuners.CreateRegistry().Create(tuner, instance.SearchSpace, 8, instance);
        // double.MaxValue is what ML.NET AutoML reports for a failed trial; 1e299 is large but below the ceiling,
        // so models must take it without overflowing.
        double[] huge = [double.MaxValue, 1e308, -1e308, 1e299, -1e299];
        for (var id = 0; id < 40; id++)
        {
            var settings = Propose(t, id);
            var loss = id % 2 == 0 ? huge[id / 2 % huge.Length] : instance.Evaluate(settings.Parameter, settings.Budget);
            t.Update(new TrialResult { TrialSettings = settings, Loss = loss });
        }
        var last = Propose(t, 40);
        SameParameter(instance.SearchSpace.ModelView.Decode(instance.SearchSpace.ModelView.Encode(last.Parameter)), last.Parameter);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_tuner_rebuilt_from_the_history_proposes_what_the_live_tuner_proposes(string tuner, string problem)
    {
        var instance = BenchmarkProblems.Create(problem);
        var registry = BenchmarkTuners.CreateRegistry();
        var live = registry.Create(tuner, instance.SearchSpace, 7, instance);
        var clock = new FakeClock();
        var recorded = new TrialHistory();
        // Two workers: a trial ends only after the next has been proposed, so the replay must interleave like the run.
        TrialSettings? waiting = null;
        for (var id = 0; id < 25; id++)
        {
            var settings = Propose(live, id);
            settings.StartedAtUtc = clock.Next();
            recorded.Start(settings);
            if (waiting is not null)
                recorded.Finish(End(live, instance, waiting, clock));
            waiting = settings;
        }

        var rebuilt = registry.Create(tuner, instance.SearchSpace, 7, instance);
        TunerReplay.Replay(rebuilt, recorded).Should().BeEmpty("a seeded tuner re-proposes every recorded trial");

        var liveNext = Propose(live, 25);
        var rebuiltNext = Propose(rebuilt, 25);
        SameParameter(rebuiltNext.Parameter, liveNext.Parameter);
        rebuiltNext.Budget.Should().Be(liveNext.Budget);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_cancelled_token_stops_a_proposal(string tuner, string problem)
    {
        var instance = BenchmarkProblems.Create(problem);
        var t = BenchmarkTuners.CreateRegistry().Create(tuner, instance.SearchSpace, 9, instance);
        for (var id = 0; id < 15; id++)
            Evaluate(t, instance, id);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        FluentActions.Invoking(() => t.Propose(new TrialSettings { TrialId = 15 }, cancelled.Token))
            .Should().Throw<OperationCanceledException>();
    }

    /// <summary>Every tuner that searches plain spaces.</summary>
    public static TheoryData<string> PlainTuners() =>
        new(BenchmarkTuners.CreateRegistry().Entries.Where(e => e.AppliesTo is null).Select(e => e.Name));

    [Theory]
    [MemberData(nameof(PlainTuners))]
    public void An_empty_space_or_a_single_point_space_gets_its_only_parameter(string tuner)
    {
        SearchSpace[] spaces =
        [
            new SearchSpace(),
            new SearchSpace { ["only"] = new ChoiceOption("one") },
            new SearchSpace { ["n"] = new UniformIntOption(3, 3), ["x"] = new UniformDoubleOption(0.5, 0.5) },
        ];
        foreach (var space in spaces)
        {
            var t = BenchmarkTuners.CreateRegistry().Create(tuner, space, 1, new BraninProblem());
            for (var id = 0; id < 12; id++)
            {
                var settings = Propose(t, id);
                SameParameter(settings.Parameter, space.SampleDefault(), $"in {space.ToJson()}");
                t.Update(new TrialResult { TrialSettings = settings, Loss = id % 3 });
            }
        }
    }

    [Theory]
    [MemberData(nameof(NoRepeatTuners))]
    public void A_cancelled_point_may_be_proposed_again_but_a_failed_one_is_not(string tuner)
    {
        // Six points in all: once five are taken, the sixth is the only new one.
        var space = new SearchSpace { ["a"] = new ChoiceOption("x", "y", "z"), ["b"] = new ChoiceOption(1, 2) };
        var t = BenchmarkTuners.CreateRegistry().Create(tuner, space, 2, new BraninProblem());
        var proposals = Enumerable.Range(0, 6).Select(id => Propose(t, id)).ToList();
        proposals.Select(p => p.Parameter.ToString()).Should().OnlyHaveUniqueItems("the six points are all pending at once");

        t.Update(new TrialResult { TrialSettings = proposals[0], Status = TrialStatus.Cancelled });
        t.Update(new TrialResult { TrialSettings = proposals[1], Status = TrialStatus.Failed, Error = "boom" });
        for (var i = 2; i < 6; i++)
            t.Update(new TrialResult { TrialSettings = proposals[i], Loss = i });

        SameParameter(Propose(t, 6).Parameter, proposals[0].Parameter, "only the cancelled point is free");
    }

    private static void SameParameter(Parameter actual, Parameter expected, string because = "")
    {
        actual.Equals(expected).Should().BeTrue($"{actual} should equal {expected} {because}");
    }

    private static TrialSettings Propose(ITuner tuner, int id)
    {
        var settings = new TrialSettings { TrialId = id };
        settings.Parameter = tuner.Propose(settings);
        return settings;
    }

    private static TrialResult Evaluate(ITuner tuner, IBenchmarkProblem problem, int id)
    {
        var settings = Propose(tuner, id);
        var result = new TrialResult { TrialSettings = settings, Loss = problem.Evaluate(settings.Parameter, settings.Budget) };
        tuner.Update(result);
        return result;
    }

    private static TrialResult End(ITuner tuner, IBenchmarkProblem problem, TrialSettings settings, FakeClock clock)
    {
        settings.EndedAtUtc = clock.Next();
        // Every fourth trial fails, so the replay also carries bad results.
        var result = settings.TrialId % 4 == 3
            ? new TrialResult { TrialSettings = settings, Status = TrialStatus.Failed, Error = "boom" }
            : new TrialResult { TrialSettings = settings, Loss = problem.Evaluate(settings.Parameter, settings.Budget) };
        tuner.Update(result);
        return result;
    }

    private static List<(TrialSettings Settings, TrialResult Result)> Run(string tuner, string problem, int seed, int trials)
    {
        var instance = BenchmarkProblems.Create(problem);
        var t = BenchmarkTuners.CreateRegistry().Create(tuner, instance.SearchSpace, seed, instance);
        return Enumerable.Range(0, trials).Select(id =>
        {
            var result = Evaluate(t, instance, id);
            return (result.TrialSettings, result);
        }).ToList();
    }

    private sealed class FakeClock
    {
        private DateTime _now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public DateTime Next() => _now = _now.AddSeconds(1);
    }
}
