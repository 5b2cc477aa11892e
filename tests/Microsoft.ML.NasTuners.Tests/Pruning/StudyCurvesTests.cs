using Microsoft.ML.NasTuners.Pruning;
using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Tests.Pruning;

/// <summary>The cache of a study's curves: read again only when it is old enough (see <see cref="StudyCurves"/>).</summary>
public class StudyCurvesTests
{
    private static StudyTrial Running() => new()
    {
        Id = -1,
        Parameter = Parameter.CreateNestedParameter(new KeyValuePair<string, Parameter>("x", Parameter.FromDouble(0.5))),
    };

    [Fact]
    public void Reads_the_study_once_per_refresh_interval_however_often_it_is_asked()
    {
        using var store = new InMemoryTrialStore();
        store.CreateStudy("s");
        var clock = new ManualClock();
        var curves = new StudyCurves(store, "s", clock);
        var mine = store.StartTrial("s", Running());
        var theirs = store.StartTrial("s", Running());
        curves.Write(mine.Id, 1, 0.5);

        curves.Read().Select(c => c.TrialId).Should().Equal(mine.Id);
        store.ReportIntermediateValue("s", theirs.Id, 1, 0.25); // another process writes
        for (var i = 0; i < 100; i++) curves.Read();
        clock.Advance(StudyCurves.MinRefresh - TimeSpan.FromMilliseconds(1));
        curves.Read().Select(c => c.TrialId).Should().Equal([mine.Id], "the cache is younger than the refresh interval");
        curves.Reads.Should().Be(1);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        var read = curves.Read();

        curves.Reads.Should().Be(2);
        read.Select(c => c.TrialId).Should().Equal(mine.Id, theirs.Id);
        read[1].Values.Should().Equal([new IntermediateValue(1, 0.25)]);
        read[1].Status.Should().Be(TrialStatus.Running);
    }

    [Fact]
    public void Writes_go_to_the_store_at_once()
    {
        using var store = new InMemoryTrialStore();
        store.CreateStudy("s");
        var curves = new StudyCurves(store, "s");
        var trial = store.StartTrial("s", Running());

        curves.Write(trial.Id, 3, 0.125);

        store.GetTrials("s").Single().IntermediateValues.Should().Equal([new IntermediateValue(3, 0.125)]);
        curves.Reads.Should().Be(0, "writing does not read");
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
