namespace Microsoft.ML.NasTuners.Tests.Experiment;

public class CheckpointCacheTests
{
    [Fact]
    public void Saves_loads_replaces_and_removes()
    {
        var cache = new InMemoryCheckpointCache();
        cache.TryLoad(1, out _).Should().BeFalse();
        cache.Save(1, new TrialCheckpoint(3, "a"));
        cache.TryLoad(1, out var checkpoint).Should().BeTrue();
        checkpoint!.Should().Be(new TrialCheckpoint(3, "a"));
        cache.Save(1, new TrialCheckpoint(9, "b"));
        cache.TryLoad(1, out checkpoint).Should().BeTrue();
        checkpoint!.Budget.Should().Be(9);
        cache.Count.Should().Be(1);
        cache.Remove(1);
        cache.TryLoad(1, out _).Should().BeFalse();
        cache.Remove(1);
    }

    [Fact]
    public void Forgets_the_least_recently_used_beyond_its_capacity()
    {
        var cache = new InMemoryCheckpointCache(capacity: 2);
        cache.Save(1, new TrialCheckpoint(1, "a"));
        cache.Save(2, new TrialCheckpoint(1, "b"));
        cache.TryLoad(1, out _).Should().BeTrue(); // 1 is now the most recently used
        cache.Save(3, new TrialCheckpoint(1, "c"));
        cache.TryLoad(2, out _).Should().BeFalse();
        cache.TryLoad(1, out _).Should().BeTrue();
        cache.TryLoad(3, out _).Should().BeTrue();
        cache.Count.Should().Be(2);
    }

    [Fact]
    public void Checks_its_arguments()
    {
        FluentActions.Invoking(() => new InMemoryCheckpointCache(0)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*at least 1*");
        FluentActions.Invoking(() => new InMemoryCheckpointCache().Save(1, null!)).Should().Throw<ArgumentNullException>();
        new InMemoryCheckpointCache().Capacity.Should().Be(InMemoryCheckpointCache.DefaultCapacity);
    }

    [Fact]
    public void Is_safe_to_use_from_many_threads()
    {
        var cache = new InMemoryCheckpointCache(capacity: 50);
        Parallel.For(0, 2000, i =>
        {
            cache.Save(i % 100, new TrialCheckpoint(i, i));
            cache.TryLoad((i * 7) % 100, out _);
            if (i % 13 == 0) cache.Remove(i % 100);
        });
        cache.Count.Should().BeLessThanOrEqualTo(50);
    }
}
