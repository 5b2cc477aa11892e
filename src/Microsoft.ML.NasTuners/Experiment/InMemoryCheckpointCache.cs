using System.Diagnostics.CodeAnalysis;

namespace Microsoft.ML.NasTuners;

/// <summary>
/// An <see cref="ICheckpointCache"/> in memory holding at most <see cref="Capacity"/> checkpoints: saving one more
/// forgets the least recently used. Thread-safe. States are kept by reference, never copied or disposed.
/// </summary>
public sealed class InMemoryCheckpointCache : ICheckpointCache
{
    /// <summary>The capacity used when none is given.</summary>
    public const int DefaultCapacity = 256;

    private readonly object _gate = new();
    private readonly Dictionary<int, LinkedListNode<(int ConfigId, TrialCheckpoint Checkpoint)>> _byId = [];
    // Most recently used first.
    private readonly LinkedList<(int ConfigId, TrialCheckpoint Checkpoint)> _order = new();

    /// <summary>Creates the cache.</summary>
    /// <param name="capacity">The most checkpoints kept, at least 1. Default <see cref="DefaultCapacity"/> (256).
    /// Successive halving promotes a configuration only after its whole rung has run, so a capacity below the largest
    /// rung (81 for budgets 1 to 81 with eta 3) makes some promoted configurations restart.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
    public InMemoryCheckpointCache(int capacity = DefaultCapacity)
    {
        if (capacity < 1)
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"The capacity must be at least 1 (allowed range 1 to {int.MaxValue}).");
        Capacity = capacity;
    }

    /// <summary>The most checkpoints kept.</summary>
    public int Capacity { get; }

    /// <summary>The number of checkpoints held.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _byId.Count;
        }
    }

    /// <inheritdoc />
    public bool TryLoad(int configId, [NotNullWhen(true)] out TrialCheckpoint? checkpoint)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(configId, out var node))
            {
                checkpoint = null;
                return false;
            }
            _order.Remove(node);
            _order.AddFirst(node);
            checkpoint = node.Value.Checkpoint;
            return true;
        }
    }

    /// <inheritdoc />
    public void Save(int configId, TrialCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(checkpoint.State, nameof(checkpoint) + ".State");
        lock (_gate)
        {
            if (_byId.Remove(configId, out var old))
                _order.Remove(old);
            _byId[configId] = _order.AddFirst((configId, checkpoint));
            while (_byId.Count > Capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _byId.Remove(last.Value.ConfigId);
            }
        }
    }

    /// <inheritdoc />
    public void Remove(int configId)
    {
        lock (_gate)
        {
            if (_byId.Remove(configId, out var node))
                _order.Remove(node);
        }
    }
}
