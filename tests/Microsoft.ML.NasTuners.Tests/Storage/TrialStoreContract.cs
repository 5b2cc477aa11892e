using Microsoft.ML.NasTuners.Pruning;
using Microsoft.ML.NasTuners.Storage;
using NasSpace = Microsoft.ML.NasTuners.SearchSpace;

namespace Microsoft.ML.NasTuners.Tests.Storage;

/// <summary>
/// The rules every <see cref="ITrialStore"/> keeps. Each store's test class derives from this one and says only how
/// to open a store, so a store that breaks a rule fails the same fact as the others would.
/// </summary>
public abstract class TrialStoreContract
{
    /// <summary>A new, empty store, released by the test.</summary>
    protected abstract ITrialStore CreateStore();

    private static readonly string Space = new NasSpace
    {
        ["x"] = new UniformDoubleOption(0, 1),
        ["n"] = new UniformIntOption(1, 10),
    }.ToJson();

    private static StudyTrial Running(int id = -1, double x = 0.5) => new()
    {
        Id = id,
        Parameter = Parameter.CreateNestedParameter(new KeyValuePair<string, Parameter>("x", Parameter.FromDouble(x))),
        StartedAtUtc = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1234567),
    };

    [SkippableFact]
    public void Creates_finds_lists_and_deletes_studies()
    {
        using var store = CreateStore();
        var attributes = new Dictionary<string, string> { ["tuner"] = "tpe", ["seed"] = "1" };

        var created = store.CreateStudy("b", Space, attributes);
        store.CreateStudy("a");
        attributes["seed"] = "2"; // the study keeps what it was given

        created.Name.Should().Be("b");
        created.SearchSpaceJson.Should().Be(Space);
        created.Attributes.Should().Equal(new Dictionary<string, string> { ["seed"] = "1", ["tuner"] = "tpe" });
        created.CreatedAtUtc.Kind.Should().Be(DateTimeKind.Utc);
        store.FindStudy("b").Should().Be(created);
        store.FindStudy("c").Should().BeNull();
        store.ListStudies().Select(s => s.Name).Should().Equal("a", "b");
        store.ListStudies()[0].SearchSpaceJson.Should().BeNull();
        store.ListStudies()[0].Attributes.Should().BeEmpty();

        store.StartTrial("b", Running());
        store.DeleteStudy("b").Should().BeTrue();
        store.DeleteStudy("b").Should().BeFalse();
        store.FindStudy("b").Should().BeNull();
        store.ListStudies().Select(s => s.Name).Should().Equal("a");

        store.CreateStudy("b");
        store.GetTrials("b").Should().BeEmpty("deleting a study deletes its trials");
    }

    [SkippableFact]
    public void A_reserved_id_is_past_every_trial_and_every_earlier_reservation_and_never_given_twice()
    {
        using var store = CreateStore();
        store.CreateStudy("s");
        store.CreateStudy("other");

        store.ReserveTrialId("s").Should().Be(0, "a new study's first id is 0");
        store.ReserveTrialId("s").Should().Be(1);
        store.StartTrial("s", Running(id: 5));
        store.ReserveTrialId("s").Should().Be(6, "past the largest trial");
        store.StartTrial("s", Running()).Id.Should().Be(7, "an id taken by StartTrial is past the reservations too");
        store.ReserveTrialId("other").Should().Be(0, "each study numbers its own trials");
        FluentActions.Invoking(() => store.ReserveTrialId("missing")).Should().Throw<InvalidOperationException>();

        var concurrent = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 40, _ => concurrent.Add(store.ReserveTrialId("s")));
        concurrent.Should().OnlyHaveUniqueItems().And.HaveCount(40).And.OnlyContain(id => id >= 8);

        store.DeleteStudy("s");
        store.CreateStudy("s");
        store.ReserveTrialId("s").Should().Be(0, "a study created again starts again");
    }

    [SkippableFact]
    public void Refuses_a_duplicate_name()
    {
        using var store = CreateStore();
        store.CreateStudy("study");

        FluentActions.Invoking(() => store.CreateStudy("study")).Should().Throw<InvalidOperationException>().WithMessage("*'study'*exists*");
        store.CreateStudy("Study").Name.Should().Be("Study", "names are compared exactly");
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("tab\there")]
    [InlineData("new\nline")]
    [InlineData("nul\0")]
    public void Refuses_a_bad_name(string name)
    {
        using var store = CreateStore();

        FluentActions.Invoking(() => store.CreateStudy(name)).Should().Throw<ArgumentException>().WithParameterName("name");
        FluentActions.Invoking(() => store.LoadOrCreateStudy(name)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => store.FindStudy(name)).Should().Throw<ArgumentException>();
        store.ListStudies().Should().BeEmpty();
    }

    [SkippableFact]
    public void Bounds_the_name_length()
    {
        using var store = CreateStore();

        store.CreateStudy(new string('n', 200)).Name.Should().HaveLength(200);
        FluentActions.Invoking(() => store.CreateStudy(new string('n', 201))).Should().Throw<ArgumentException>().WithMessage("*1 to 200*201*");
        FluentActions.Invoking(() => store.CreateStudy(null!)).Should().Throw<ArgumentNullException>();
    }

    [SkippableFact]
    public void Refuses_a_space_that_is_not_a_json_object()
    {
        using var store = CreateStore();

        FluentActions.Invoking(() => store.CreateStudy("s", "{not json")).Should().Throw<ArgumentException>().WithParameterName("searchSpaceJson");
        FluentActions.Invoking(() => store.CreateStudy("s", "[1]")).Should().Throw<ArgumentException>();
        store.FindStudy("s").Should().BeNull();
    }

    [SkippableFact]
    public void Loads_an_existing_study_and_refuses_another_space()
    {
        using var store = CreateStore();
        var created = store.LoadOrCreateStudy("s", Space, new Dictionary<string, string> { ["seed"] = "1" });
        var other = new NasSpace { ["x"] = new UniformDoubleOption(0, 2) }.ToJson();

        store.LoadOrCreateStudy("s", Space, new Dictionary<string, string> { ["seed"] = "2" }).Should().Be(created);
        store.LoadOrCreateStudy("s").Should().Be(created, "no space given means no check");
        store.LoadOrCreateStudy("s", NasSpace.FromJson(Space).ToJson(indented: true)).Should().Be(created,
            "formatting is not a different space");
        FluentActions.Invoking(() => store.LoadOrCreateStudy("s", other)).Should().Throw<InvalidOperationException>()
            .Where(e => e.Message.Contains("'s'") && e.Message.Contains(Space) && e.Message.Contains(other));

        store.LoadOrCreateStudy("t", other).SearchSpaceJson.Should().Be(other);
        store.LoadOrCreateStudy("u").Should().NotBeNull();
        FluentActions.Invoking(() => store.LoadOrCreateStudy("u", other)).Should().Throw<InvalidOperationException>().WithMessage("*(none)*");
    }

    [SkippableFact]
    public void Assigns_ids_in_order_and_keeps_given_ones()
    {
        using var store = CreateStore();
        store.CreateStudy("s");
        store.CreateStudy("other");

        store.StartTrial("s", Running()).Id.Should().Be(0);
        store.StartTrial("s", Running()).Id.Should().Be(1);
        store.StartTrial("other", Running()).Id.Should().Be(0, "each study numbers its own trials");
        store.StartTrial("s", Running(id: 7)).Id.Should().Be(7);
        store.StartTrial("s", Running(id: 3)).Id.Should().Be(3);
        store.StartTrial("s", Running()).Id.Should().Be(8);

        FluentActions.Invoking(() => store.StartTrial("s", Running(id: 7))).Should().Throw<InvalidOperationException>().WithMessage("*trial 7*");
        store.GetTrials("s").Select(t => t.Id).Should().Equal(0, 1, 3, 7, 8);
        store.GetTrials("s").Should().OnlyContain(t => t.Status == TrialStatus.Running);
    }

    [SkippableFact]
    public void Starts_only_running_trials_in_known_studies()
    {
        using var store = CreateStore();
        store.CreateStudy("s");

        FluentActions.Invoking(() => store.StartTrial("s", Running() with { Status = TrialStatus.Succeeded }))
            .Should().Throw<ArgumentException>().WithMessage("*Running*");
        FluentActions.Invoking(() => store.StartTrial("nope", Running())).Should().Throw<InvalidOperationException>().WithMessage("*'nope'*");
        store.GetTrials("s").Should().BeEmpty();
    }

    [SkippableFact]
    public void Fills_a_missing_start_time()
    {
        using var store = CreateStore();
        store.CreateStudy("s");
        var before = DateTime.UtcNow;

        var trial = store.StartTrial("s", Running() with { StartedAtUtc = default });

        trial.StartedAtUtc.Should().BeOnOrAfter(before).And.BeOnOrBefore(DateTime.UtcNow);
        store.GetTrials("s").Single().StartedAtUtc.Should().Be(trial.StartedAtUtc);
    }

    [SkippableFact]
    public void Numbers_trials_without_gaps_under_concurrent_starts()
    {
        using var store = CreateStore();
        store.CreateStudy("s");
        var ids = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var start = new Barrier(4);

        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 50; i++)
                ids.Add(store.StartTrial("s", Running(x: t / 10.0)).Id);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        ids.Order().Should().Equal(Enumerable.Range(0, 200));
        store.GetTrials("s").Select(t => t.Id).Should().Equal(Enumerable.Range(0, 200));
    }

    [SkippableTheory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-0.0)]
    [InlineData(0.1)]
    [InlineData(-1.7976931348623157E+308)]
    [InlineData(4.9406564584124654E-324)]
    [InlineData(3.0)]
    public void Round_trips_every_field_of_a_finished_trial(double loss)
    {
        const string study = "étude 研究 🚀 \"quoted\" 'name'";
        using var store = CreateStore();
        store.CreateStudy(study);
        var parameter = Parameter.CreateNestedParameter(
            new KeyValuePair<string, Parameter>("lr", Parameter.FromDouble(0.1 + 0.2)),
            new KeyValuePair<string, Parameter>("layers", Parameter.FromInt(3)),
            new KeyValuePair<string, Parameter>("act", Parameter.FromString("re\"lu\n")),
            new KeyValuePair<string, Parameter>("bn", Parameter.FromBool(true)),
            new KeyValuePair<string, Parameter>("inner", Parameter.CreateNestedParameter(
                new KeyValuePair<string, Parameter>("w", Parameter.FromDouble(1e-300)))));
        var started = store.StartTrial(study, new StudyTrial
        {
            Id = -1,
            Parameter = parameter,
            Budget = null,
            ConfigId = 42,
            PreviousBudget = 1.0 / 3,
            StartedAtUtc = new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc).AddTicks(9999999),
            Note = "bohb: model",
        });
        var finished = started with
        {
            Status = TrialStatus.Failed,
            Loss = loss,
            Metric = double.NegativeInfinity,
            SpentBudget = double.PositiveInfinity,
            DurationMs = 1234.5678901234567,
            Error = "He said \"no\"\r\nline 2\t'tab'; DROP TABLE trials; --\0end",
            EndedAtUtc = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1),
        };

        store.FinishTrial(study, finished);

        var read = store.GetTrials(study).Single();
        read.Should().Be(finished);
        BitConverter.DoubleToInt64Bits(read.Loss).Should().Be(BitConverter.DoubleToInt64Bits(loss), "the loss comes back bit for bit");
        BitConverter.DoubleToInt64Bits(read.PreviousBudget!.Value).Should().Be(BitConverter.DoubleToInt64Bits(1.0 / 3));
        read.Budget.Should().BeNull();
        read.StartedAtUtc.Kind.Should().Be(DateTimeKind.Utc);
        read.EndedAtUtc!.Value.Ticks.Should().Be(finished.EndedAtUtc!.Value.Ticks);
        read.Parameter.ToString().Should().Be(parameter.ToString());
    }

    [SkippableFact]
    public void Keeps_a_nan_budget_apart_from_no_budget()
    {
        using var store = CreateStore();
        store.CreateStudy("s");

        store.StartTrial("s", Running() with { Budget = double.NaN, SpentBudget = -0.0 });

        var read = store.GetTrials("s").Single();
        read.Budget.Should().NotBeNull();
        double.IsNaN(read.Budget!.Value).Should().BeTrue("a NaN budget is a value, not a missing one");
        double.IsNegative(read.SpentBudget!.Value).Should().BeTrue();
        read.Loss.Should().Be(double.NaN);
        read.Metric.Should().Be(double.NaN);
        read.EndedAtUtc.Should().BeNull();
    }

    [SkippableFact]
    public void Stores_a_copy_of_the_parameter()
    {
        using var store = CreateStore();
        store.CreateStudy("s");
        var trial = Running();

        store.StartTrial("s", trial);
        trial.Parameter["x"] = Parameter.FromDouble(0.9);
        store.GetTrials("s").Single().Parameter["x"] = Parameter.FromDouble(0.8);

        store.GetTrials("s").Single().Parameter["x"].AsDouble().Should().Be(0.5);
    }

    [SkippableFact]
    public void Finishes_a_trial_once()
    {
        using var store = CreateStore();
        store.CreateStudy("s");
        var started = store.StartTrial("s", Running());
        var finished = started with { Status = TrialStatus.Succeeded, Loss = 1, EndedAtUtc = DateTime.UtcNow };

        store.FinishTrial("s", finished);

        FluentActions.Invoking(() => store.FinishTrial("s", finished with { Loss = 2 }))
            .Should().Throw<InvalidOperationException>().WithMessage("*trial 0*already finished as Succeeded*");
        FluentActions.Invoking(() => store.FinishTrial("s", finished with { Id = 5 }))
            .Should().Throw<InvalidOperationException>().WithMessage("*no trial 5*");
        FluentActions.Invoking(() => store.FinishTrial("nope", finished)).Should().Throw<InvalidOperationException>().WithMessage("*'nope'*");
        FluentActions.Invoking(() => store.FinishTrial("s", started)).Should().Throw<ArgumentException>().WithMessage("*Running*");
        store.GetTrials("s").Single().Loss.Should().Be(1);
    }

    [SkippableFact]
    public void Fills_a_missing_end_time_when_finishing()
    {
        using var store = CreateStore();
        store.CreateStudy("s");
        var started = store.StartTrial("s", Running());

        store.FinishTrial("s", started with { Status = TrialStatus.Cancelled });

        store.GetTrials("s").Single().EndedAtUtc.Should().NotBeNull();
    }

    [SkippableFact]
    public void Marks_the_trials_left_running()
    {
        using var store = CreateStore();
        store.CreateStudy("s");
        for (var i = 0; i < 4; i++)
            store.StartTrial("s", Running());
        store.FinishTrial("s", store.GetTrials("s")[1] with { Status = TrialStatus.Succeeded, Loss = 0.25 });
        var before = DateTime.UtcNow;

        var touched = store.MarkRunningTrials("s", TrialStatus.Failed, "the process died");

        touched.Should().Equal(0, 2, 3);
        var trials = store.GetTrials("s");
        trials.Where(t => t.Id != 1).Should().OnlyContain(t =>
            t.Status == TrialStatus.Failed && t.Error == "the process died" && t.EndedAtUtc >= before);
        trials[1].Status.Should().Be(TrialStatus.Succeeded);
        trials[1].Error.Should().BeNull();
        store.MarkRunningTrials("s", TrialStatus.Failed, "again").Should().BeEmpty();
        FluentActions.Invoking(() => store.MarkRunningTrials("s", TrialStatus.Running, "x")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => store.MarkRunningTrials("nope", TrialStatus.Failed, "x")).Should().Throw<InvalidOperationException>();
    }

    [SkippableFact]
    public void Names_the_unknown_study_and_the_known_ones()
    {
        using var store = CreateStore();
        FluentActions.Invoking(() => store.GetTrials("missing")).Should().Throw<InvalidOperationException>()
            .WithMessage("*'missing'*no study*");
        for (var i = 0; i < 12; i++)
            store.CreateStudy($"study-{i:D2}");

        FluentActions.Invoking(() => store.GetTrials("missing")).Should().Throw<InvalidOperationException>()
            .Where(e => e.Message.Contains("'missing'") && e.Message.Contains("'study-00'") && e.Message.Contains("'study-09'")
                        && !e.Message.Contains("'study-10'") && e.Message.Contains("2 more"));
    }

    [SkippableFact]
    public void Replays_a_history_into_settings_and_results()
    {
        using var store = CreateStore();
        store.CreateStudy("s");
        var settings = new TrialSettings
        {
            TrialId = 4,
            Parameter = Running().Parameter,
            Budget = 9,
            ConfigId = 2,
            PreviousBudget = 3,
            StartedAtUtc = DateTime.UtcNow,
        };
        var started = store.StartTrial("s", StudyTrial.FromSettings(settings));
        settings.PreviousBudget = null; // what the experiment does when no saved state was found
        settings.EndedAtUtc = settings.StartedAtUtc.AddSeconds(2);
        store.FinishTrial("s", started.Finished(new TrialResult
        {
            TrialSettings = settings,
            Loss = 0.5,
            Metric = 0.9,
            DurationInMilliseconds = 2000,
            SpentBudget = 9,
            Status = TrialStatus.Succeeded,
        }));
        var running = store.StartTrial("s", Running());

        var history = store.GetTrials("s");

        var result = history[0].ToResult()!;
        result.TrialSettings.TrialId.Should().Be(4);
        result.TrialSettings.Parameter.Equals(settings.Parameter).Should().BeTrue();
        result.TrialSettings.Budget.Should().Be(9);
        result.TrialSettings.ConfigId.Should().Be(2);
        result.TrialSettings.PreviousBudget.Should().BeNull();
        result.TrialSettings.EndedAtUtc.Should().Be(settings.EndedAtUtc);
        result.Loss.Should().Be(0.5);
        result.Metric.Should().Be(0.9);
        result.DurationInMilliseconds.Should().Be(2000);
        result.SpentBudget.Should().Be(9);
        result.Status.Should().Be(TrialStatus.Succeeded);
        history[1].Id.Should().Be(running.Id).And.Be(5);
        history[1].ToResult().Should().BeNull("a running trial has no result yet");
        history[1].ToSettings().TrialId.Should().Be(5);
        FluentActions.Invoking(() => history[1].Finished(new TrialResult { TrialSettings = settings, Status = TrialStatus.Running }))
            .Should().Throw<ArgumentException>();
    }

    [SkippableFact]
    public void Intermediate_values_come_back_with_their_trials_by_ascending_step()
    {
        using var store = CreateStore();
        store.CreateStudy("s");
        var first = store.StartTrial("s", Running());
        var second = store.StartTrial("s", Running(x: 0.7));
        var silent = store.StartTrial("s", Running(x: 0.9));

        store.ReportIntermediateValue("s", first.Id, 2, 0.4);
        store.ReportIntermediateValue("s", first.Id, 1, 0.8);
        store.ReportIntermediateValue("s", second.Id, 1, double.NaN);
        store.ReportIntermediateValue("s", second.Id, 2.5, double.PositiveInfinity);
        store.ReportIntermediateValue("s", second.Id, 3, -0.0);
        store.ReportIntermediateValue("s", first.Id, 3, 0.25);

        var trials = store.GetTrials("s");
        trials[0].IntermediateValues.Should().Equal(new IntermediateValue(1, 0.8), new IntermediateValue(2, 0.4), new IntermediateValue(3, 0.25));
        trials[1].IntermediateValues.Select(v => v.Step).Should().Equal(1, 2.5, 3);
        double.IsNaN(trials[1].IntermediateValues[0].Value).Should().BeTrue("a diverged trial's NaN is kept");
        trials[1].IntermediateValues[1].Value.Should().Be(double.PositiveInfinity);
        double.IsNegative(trials[1].IntermediateValues[2].Value).Should().BeTrue("-0 comes back as -0");
        trials[2].IntermediateValues.Should().BeEmpty("a trial that reported nothing has no values");
        silent.IntermediateValues.Should().BeEmpty();
    }

    [SkippableFact]
    public void A_step_reported_twice_keeps_its_last_value_and_minus_zero_is_step_zero()
    {
        using var store = CreateStore();
        store.CreateStudy("s");
        var trial = store.StartTrial("s", Running());

        store.ReportIntermediateValue("s", trial.Id, 1, 0.9);
        store.ReportIntermediateValue("s", trial.Id, 1, 0.6);
        store.ReportIntermediateValue("s", trial.Id, -0.0, 2);
        store.ReportIntermediateValue("s", trial.Id, 0, 1.5);

        store.GetTrials("s").Single().IntermediateValues.Should().Equal(new IntermediateValue(0, 1.5), new IntermediateValue(1, 0.6));
    }

    [SkippableFact]
    public void A_finished_trial_keeps_its_values_and_takes_no_more()
    {
        using var store = CreateStore();
        store.CreateStudy("s");
        var trial = store.StartTrial("s", Running());
        store.ReportIntermediateValue("s", trial.Id, 1, 0.9);
        store.ReportIntermediateValue("s", trial.Id, 2, 0.7);

        // Finishing with a row read back (which carries the values) neither loses nor doubles them.
        store.FinishTrial("s", store.GetTrials("s").Single() with { Status = TrialStatus.Pruned, Loss = 0.7, EndedAtUtc = DateTime.UtcNow });

        var stored = store.GetTrials("s").Single();
        stored.Status.Should().Be(TrialStatus.Pruned);
        stored.Loss.Should().Be(0.7);
        stored.IntermediateValues.Should().Equal(new IntermediateValue(1, 0.9), new IntermediateValue(2, 0.7));
        FluentActions.Invoking(() => store.ReportIntermediateValue("s", trial.Id, 3, 0.5)).Should().Throw<InvalidOperationException>()
            .WithMessage("*trial 0*'s'*finished as Pruned*");
        store.GetTrials("s").Single().IntermediateValues.Should().HaveCount(2);
    }

    [SkippableFact]
    public void Deleting_a_study_deletes_its_intermediate_values()
    {
        using var store = CreateStore();
        store.CreateStudy("s");
        store.CreateStudy("other");
        store.ReportIntermediateValue("s", store.StartTrial("s", Running()).Id, 1, 0.5);
        store.ReportIntermediateValue("other", store.StartTrial("other", Running()).Id, 1, 0.25);

        store.DeleteStudy("s").Should().BeTrue();
        store.CreateStudy("s");
        var again = store.StartTrial("s", Running());

        again.Id.Should().Be(0);
        store.GetTrials("s").Single().IntermediateValues.Should().BeEmpty("the deleted study's trial 0 took its curve with it");
        store.GetTrials("other").Single().IntermediateValues.Should().Equal([new IntermediateValue(1, 0.25)], "each study keeps its own");
    }

    [SkippableFact]
    public void Reporting_for_an_unknown_study_or_trial_or_at_a_step_that_is_not_finite_is_an_error()
    {
        using var store = CreateStore();
        store.CreateStudy("s");
        var trial = store.StartTrial("s", Running());

        FluentActions.Invoking(() => store.ReportIntermediateValue("missing", 0, 1, 0.5)).Should().Throw<InvalidOperationException>()
            .WithMessage("*'missing'*does not exist*'s'*");
        FluentActions.Invoking(() => store.ReportIntermediateValue("s", 7, 1, 0.5)).Should().Throw<InvalidOperationException>()
            .WithMessage("*'s'*no trial 7*start it first*");
        FluentActions.Invoking(() => store.ReportIntermediateValue("s", trial.Id, double.NaN, 0.5)).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("step");
        FluentActions.Invoking(() => store.ReportIntermediateValue("s", trial.Id, double.PositiveInfinity, 0.5)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => store.ReportIntermediateValue("bad\nname", 0, 1, 0.5)).Should().Throw<ArgumentException>();
        store.GetTrials("s").Single().IntermediateValues.Should().BeEmpty();
    }
}
