using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

/// <summary>A long proposal does not hold up a run that stops: the run's token reaches the tuner.</summary>
public class CancellingProposalsTests
{
    /// <summary>Proposes only when its token is cancelled, as a proposal that would otherwise take minutes.</summary>
    private sealed class EndlessTuner(SearchSpace space) : ITuner
    {
        private readonly RandomSearchTuner _inner = new(space, 1);

        public Parameter Propose(TrialSettings settings) => _inner.Propose(settings);

        public Parameter Propose(TrialSettings settings, CancellationToken cancellationToken)
        {
            if (settings.TrialId < 2) return _inner.Propose(settings);
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(60));
            cancellationToken.ThrowIfCancellationRequested();
            return _inner.Propose(settings);
        }

        public void Update(TrialResult result) => _inner.Update(result);
    }

    [Fact]
    public async Task The_time_limit_stops_a_proposal_in_progress_and_the_run_is_not_faulted()
    {
        var space = ExperimentTestKit.SmallSpace();
        var result = await ExperimentTestKit.NewExperiment()
            .SetTuner(new EndlessTuner(space))
            .SetObjective((p, _, _) => ExperimentTestKit.Loss(p))
            .SetTimeLimit(0.5)
            .RunAsync();

        result.StopReason.Should().Be(StopReason.TimeLimit);
        result.Fault.Should().BeNull();
        result.Trials.Should().HaveCount(2);
    }

    [Fact]
    public void GP_BO_gives_up_a_proposal_when_its_token_is_cancelled_meanwhile()
    {
        // Enough observations that fitting and maximising take far longer than the 50 ms before the cancel.
        var space = new SearchSpace();
        for (var i = 0; i < 6; i++) space[$"x{i}"] = new UniformDoubleOption(0, 1);
        var tuner = new GpTuner(space, new GpOptions { HyperparameterMode = HyperparameterMode.SliceSampling }, seed: 2);
        var random = new Random(3);
        // Its Latin-hypercube start first (max(2d, 5) = 12 proposals), then many results it learns as they come.
        for (var id = 0; id < 12; id++)
        {
            var settings = new TrialSettings { TrialId = id };
            settings.Parameter = tuner.Propose(settings);
            tuner.Update(new TrialResult { TrialSettings = settings, Loss = random.NextDouble() });
        }
        for (var id = 12; id < 150; id++)
        {
            var parameter = space.SampleFromFeatureSpace(Enumerable.Range(0, 6).Select(_ => random.NextDouble()).ToArray());
            tuner.Update(new TrialResult { TrialSettings = new TrialSettings { TrialId = id, Parameter = parameter }, Loss = random.NextDouble() });
        }
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        FluentActions.Invoking(() => tuner.Propose(new TrialSettings { TrialId = 150 }, cancel.Token))
            .Should().Throw<OperationCanceledException>();
    }
}
