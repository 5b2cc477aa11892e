using Microsoft.ML.NasTuners.Storage;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

/// <summary>An experiment kept in a study: written as it runs, resumed where it stopped.</summary>
public class StudyTests
{
    private static NasExperiment Tpe(ITrialStore store, string study, int maxTrials) => ExperimentTestKit.NewExperiment()
        .SetTuner((space, seed) => new TpeTuner(space, null, seed))
        .SetObjective((p, _, _) => ExperimentTestKit.Loss(p))
        .SetStudy(study, store)
        .SetSeed(3)
        .SetMaxTrials(maxTrials);

    [Fact]
    public async Task Every_trial_is_in_the_store_when_the_run_ends()
    {
        using var store = new InMemoryTrialStore();
        var result = await Tpe(store, "s", 15).RunAsync();

        var stored = store.GetTrials("s");
        stored.Select(t => t.Id).Should().Equal(Enumerable.Range(0, 15));
        stored.Should().OnlyContain(t => t.Status == TrialStatus.Succeeded && t.EndedAtUtc != null);
        stored.Select(t => t.Loss).Should().Equal(result.Trials.Select(t => t.Loss));
        store.FindStudy("s")!.SearchSpaceJson.Should().Be(ExperimentTestKit.SmallSpace().ToJson());
    }

    [Fact]
    public async Task A_resumed_study_keeps_its_trials_continues_the_ids_and_proposes_what_an_uninterrupted_run_does()
    {
        using var store = new InMemoryTrialStore();
        await Tpe(store, "resumed", 20).RunAsync();
        var resumed = await Tpe(store, "resumed", 35).RunAsync();
        var uninterrupted = await Tpe(store, "whole", 35).RunAsync();

        resumed.Trials.Select(t => t.TrialSettings.TrialId).Should().Equal(Enumerable.Range(0, 35), "the limit counts the whole study");
        resumed.Trials.Select(t => t.TrialSettings.Parameter.ToString())
            .Should().Equal(uninterrupted.Trials.Select(t => t.TrialSettings.Parameter.ToString()));
        resumed.BestLoss.Should().Be(uninterrupted.BestLoss);
    }

    [Fact]
    public async Task The_time_limit_of_a_resumed_study_counts_the_time_its_earlier_runs_spent_on_trials()
    {
        using var store = new InMemoryTrialStore();
        NasExperiment Slow(int maxTrials) => ExperimentTestKit.NewExperiment()
            .SetObjective(async (p, _, ct) =>
            {
                await Task.Delay(60, ct);
                return ExperimentTestKit.Loss(p);
            })
            .SetStudy("timed", store).SetMaxTrials(maxTrials);
        await Slow(8).RunAsync();

        // Eight trials of 60 ms ran for about half a second, more than the 0.3 s the resumed run is allowed in all.
        var resumed = await Slow(100).SetTimeLimit(0.3).RunAsync();

        resumed.StopReason.Should().Be(StopReason.TimeLimit);
        resumed.Trials.Should().HaveCount(8);
    }

    [Fact]
    public async Task A_study_at_its_trial_limit_runs_nothing_more()
    {
        using var store = new InMemoryTrialStore();
        await Tpe(store, "full", 10).RunAsync();
        var again = await Tpe(store, "full", 10).RunAsync();

        again.Trials.Should().HaveCount(10);
        store.GetTrials("full").Should().HaveCount(10);
    }

    [Fact]
    public async Task An_interrupted_trial_is_run_again_under_its_id_by_default()
    {
        using var store = new InMemoryTrialStore();
        await Tpe(store, "s", 5).RunAsync();
        var interrupted = ExperimentTestKit.SmallSpace().SampleDefault();
        store.StartTrial("s", new StudyTrial { Id = 5, Parameter = interrupted, StartedAtUtc = DateTime.UtcNow });

        var result = await Tpe(store, "s", 8).RunAsync();

        result.Trials.Select(t => t.TrialSettings.TrialId).Should().Equal(Enumerable.Range(0, 8));
        var rerun = result.Trial(5);
        rerun.Status.Should().Be(TrialStatus.Succeeded);
        rerun.TrialSettings.Parameter.Equals(interrupted).Should().BeTrue();
        store.GetTrials("s").Should().OnlyContain(t => t.Status == TrialStatus.Succeeded);
    }

    [Fact]
    public async Task MarkFailed_ends_an_interrupted_trial_as_failed_and_goes_on_with_new_ones()
    {
        using var store = new InMemoryTrialStore();
        await Tpe(store, "s", 5).RunAsync();
        store.StartTrial("s", new StudyTrial { Id = 5, Parameter = ExperimentTestKit.SmallSpace().SampleDefault(), StartedAtUtc = DateTime.UtcNow });

        var result = await Tpe(store, "s", 8).SetInterruptedTrials(InterruptedTrialPolicy.MarkFailed).RunAsync();

        result.Trial(5).Status.Should().Be(TrialStatus.Failed);
        result.Trial(5).Error.Should().Contain("Interrupted");
        store.GetTrials("s")[5].Status.Should().Be(TrialStatus.Failed);
        result.Trials.Should().HaveCount(8);
        result.Trials.Where(t => t.TrialSettings.TrialId > 5).Should().OnlyContain(t => t.Status == TrialStatus.Succeeded);
    }

    [Fact]
    public async Task Two_runs_on_one_sqlite_study_at_the_same_time_number_trials_apart_and_learn_each_others_results()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nas-shared-{Guid.NewGuid():N}.db");
        NasExperiment Shared(int seed) => ExperimentTestKit.NewExperiment()
            .SetTuner((space, s) => new TpeTuner(space, null, s))
            .SetObjective(async (p, _, ct) =>
            {
                await Task.Delay(5, ct);
                return ExperimentTestKit.Loss(p);
            })
            .SetStudy("shared", $"sqlite:{path}")
            .SetInterruptedTrials(InterruptedTrialPolicy.LeaveRunning)
            .SetSeed(seed)
            .SetMaxTrials(40);

        try
        {
            await RunTwoAtOnce();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*")) File.Delete(file);
        }

        async Task RunTwoAtOnce()
        {
        var results = await Task.WhenAll(Task.Run(() => Shared(1).RunAsync()), Task.Run(() => Shared(2).RunAsync()));

        results.Should().OnlyContain(r => r.Fault == null && r.StopReason == StopReason.MaxTrials);
        using var store = new SqliteTrialStore(path);
        var stored = store.GetTrials("shared");
        stored.Should().OnlyContain(t => t.Status == TrialStatus.Succeeded, "no run took the other's running trials for interrupted ones");
        stored.Select(t => t.Id).Should().OnlyHaveUniqueItems();
        // The limit is the study's: the two runs together stop near it (a trial the other started after this one last
        // read the study may run past it).
        stored.Count.Should().BeInRange(40, 42);
        foreach (var result in results)
            result.Trials.Count.Should().BeGreaterThan(stored.Count / 2 + 5, "a run's result holds the trials of the other that it learned");
        }
    }

    [Fact]
    public async Task A_study_refuses_to_resume_with_another_search_space()
    {
        using var store = new InMemoryTrialStore();
        await Tpe(store, "s", 3).RunAsync();
        var other = new SearchSpace { ["y"] = new UniformDoubleOption(0, 1) };

        var act = () => new MLContext(1).Nas().CreateExperiment().SetSearchSpace(other)
            .SetObjective((p, _, _) => p["y"].AsDouble()).SetStudy("s", store).RunAsync();

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*'s'*");
    }

    [Fact]
    public async Task The_defaults_run_first_then_the_enqueued_parameters_then_the_tuner()
    {
        var space = ExperimentTestKit.SmallSpace();
        var given = space.SampleFromFeatureSpace([0.9, 0.9, 0.9]);
        var tuner = new RecordingTuner(space, seed: 2);
        var result = await ExperimentTestKit.NewExperiment()
            .SetTuner(tuner)
            .SetObjective((p, _, _) => ExperimentTestKit.Loss(p))
            .SetEvaluateDefaultsFirst()
            .Enqueue(given)
            .SetMaxTrials(5)
            .RunAsync();

        result.Trial(0).TrialSettings.Parameter.Equals(space.SampleDefault()).Should().BeTrue();
        result.Trial(1).TrialSettings.Parameter.Equals(given).Should().BeTrue();
        tuner.Proposed.Select(s => s.TrialId).Should().Equal(2, 3, 4);
        tuner.Updated.Select(r => r.TrialSettings.TrialId).Should().Equal([0, 1, 2, 3, 4], "the tuner learns the given trials too");
    }

    [Fact]
    public async Task A_storage_string_opens_a_sqlite_file_that_a_later_run_resumes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nas-study-{Guid.NewGuid():N}.db");
        try
        {
            NasExperiment Run(int n) => ExperimentTestKit.NewExperiment()
                .SetTuner((space, seed) => new SmacTuner(space, null, seed))
                .SetObjective((p, _, _) => ExperimentTestKit.Loss(p))
                .SetStudy("file", path).SetSeed(4).SetMaxTrials(n);
            await Run(12).RunAsync();
            var resumed = await Run(16).RunAsync();

            resumed.Trials.Should().HaveCount(16);
            using var store = new SqliteTrialStore(path);
            store.GetTrials("file").Should().HaveCount(16).And.OnlyContain(t => t.Status == TrialStatus.Succeeded);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*")) File.Delete(file);
        }
    }
}
