using static Microsoft.ML.NasTuners.Tests.Experiment.ExperimentTestKit;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

/// <summary>Bad settings throw at once, naming the setting and its allowed range.</summary>
public class SettingsValidationTests
{
    private static NasExperiment Experiment() => new MLContext(seed: 1).Nas().CreateExperiment();

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Max_trials_below_1_is_rejected(int maxTrials) =>
        FluentActions.Invoking(() => Experiment().SetMaxTrials(maxTrials))
            .Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "maxTrials")
            .WithMessage("*SetMaxTrials*at least 1*");

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e10)]
    public void A_time_limit_outside_0_to_about_49_days_is_rejected(double seconds) =>
        FluentActions.Invoking(() => Experiment().SetTimeLimit(seconds))
            .Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "seconds")
            .WithMessage("*time limit (SetTimeLimit)*greater than 0*");

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void A_trial_timeout_that_is_not_positive_is_rejected(double seconds) =>
        FluentActions.Invoking(() => Experiment().SetTrialTimeout(seconds))
            .Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "seconds")
            .WithMessage("*trial timeout (SetTrialTimeout)*greater than 0*");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_degree_of_parallelism_below_1_is_rejected(int degree) =>
        FluentActions.Invoking(() => Experiment().SetDegreeOfParallelism(degree))
            .Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "degreeOfParallelism")
            .WithMessage("*SetDegreeOfParallelism*at least 1*");

    [Fact]
    public async Task Running_without_an_objective_says_to_set_one() =>
        await FluentActions.Awaiting(() => Experiment().SetSearchSpace(SmallSpace()).RunAsync())
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*no objective*SetObjective*");

    [Fact]
    public async Task Running_without_a_search_space_says_to_set_one() =>
        await FluentActions.Awaiting(() => Experiment().SetObjective((_, _, _) => 0.0).RunAsync())
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*no search space*SetSearchSpace*");

    [Fact]
    public async Task A_tuner_instance_brings_its_own_space()
    {
        var result = await Experiment()
            .SetTuner(new RecordingTuner(SmallSpace()))
            .SetMaxTrials(3)
            .SetObjective((p, _, _) => Loss(p))
            .RunAsync();

        result.Trials.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_tuner_factory_that_returns_null_is_reported() =>
        await FluentActions.Awaiting(() => Experiment().SetSearchSpace(SmallSpace()).SetTuner((_, _) => null!)
                .SetObjective((_, _, _) => 0.0).RunAsync())
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*tuner factory*null*");

    [Fact]
    public async Task An_experiment_does_not_run_twice_at_once()
    {
        using var release = new ManualResetEventSlim();
        var experiment = NewExperiment().SetMaxTrials(1).SetObjective((_, _, ct) =>
        {
            release.Wait(TimeSpan.FromSeconds(5), ct);
            return 0.0;
        });

        var first = experiment.RunAsync();
        await FluentActions.Awaiting(() => experiment.RunAsync())
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*already running*");
        release.Set();
        (await first).HasSucceededTrial.Should().BeTrue();
    }

    [Fact]
    public void Null_collaborators_are_rejected()
    {
        var experiment = Experiment();
        FluentActions.Invoking(() => experiment.SetSearchSpace(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => experiment.SetTuner((ITuner)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => experiment.SetTuner((Func<SearchSpace, int, ITuner>)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => experiment.SetObjective((Func<Parameter, TrialSettings, CancellationToken, double>)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => experiment.SetObjective((Func<Parameter, TrialSettings, CancellationToken, Task<double>>)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => experiment.SetTrialRunner(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => experiment.AddMonitor(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => experiment.SetProgress(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => experiment.SetLogger(null!)).Should().Throw<ArgumentNullException>();
    }
}
