using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Benchmarks.Cost;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests.Cost;

public class ProposalCostMeasurementTests
{
    [Fact]
    public void It_tells_the_history_then_times_the_first_and_later_proposals()
    {
        CountingTuner? tuner = null;
        var registry = new TunerRegistry().Add("counting", "counts what it is told", (space, seed, _, _) => tuner = new CountingTuner(space));
        var problem = new BraninProblem();

        var cost = ProposalCostMeasurement.Measure(registry, "counting", problem, observations: 30, proposals: 4, seed: 1);

        cost.Tuner.Should().Be("counting");
        cost.Problem.Should().Be("branin");
        cost.Observations.Should().Be(30);
        cost.LaterMs.Should().HaveCount(4).And.OnlyContain(ms => ms >= 0);
        cost.LaterCpuMs.Should().HaveCount(4).And.OnlyContain(ms => ms >= 0);
        cost.FirstMs.Should().BeGreaterThanOrEqualTo(0);
        cost.CancelLatencyMs.Should().BeNull("no cancel was asked for");
        cost.PeakWorkingSetBytes.Should().BePositive();
        tuner!.Told.Should().Be(30 + 5, "every timed proposal is told its result, as in a run");
        tuner.ToldBeforeFirstProposal.Should().Be(30);
    }

    [Fact]
    public void A_GP_holding_the_history_proposes_from_its_model_and_a_cancel_is_measured()
    {
        var cost = ProposalCostMeasurement.Measure(BenchmarkTuners.CreateRegistry(), "gp-map", new Hartmann6Problem(),
            observations: 40, proposals: 1, seed: 2, cancelAfter: TimeSpan.Zero);

        cost.LaterMs.Should().HaveCount(1);
        cost.CancelLatencyMs.Should().NotBeNull().And.BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Bad_counts_are_refused()
    {
        var registry = BenchmarkTuners.CreateRegistry();
        FluentActions.Invoking(() => ProposalCostMeasurement.Measure(registry, "random", new BraninProblem(), -1, 1, 1))
            .Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => ProposalCostMeasurement.Measure(registry, "nope", new BraninProblem(), 1, 1, 1))
            .Should().Throw<ArgumentException>().WithMessage("*Unknown tuner*");
    }

    // Proposes random points and counts the results it is told.
    private sealed class CountingTuner(SearchSpace space) : ITuner
    {
        private readonly Random _random = new(0);

        public int Told { get; private set; }

        public int? ToldBeforeFirstProposal { get; private set; }

        public Parameter Propose(TrialSettings settings)
        {
            ToldBeforeFirstProposal ??= Told;
            return space.ModelView.Decode(space.ModelView.Sample(_random));
        }

        public void Update(TrialResult result) => Told++;
    }
}
