namespace Microsoft.ML.NasTuners;

/// <summary>A point in a tuner's encoding with the key that says when two points are the same (an architecture's
/// canonical key, which twins share); <see cref="ByKey"/> compares keys only.</summary>
internal sealed record KeyedPoint<T>(T Value, string Key)
{
    /// <summary>Equal when the keys are (ordinal).</summary>
    public static IEqualityComparer<KeyedPoint<T>> ByKey { get; } = new KeyComparer();

    private sealed class KeyComparer : IEqualityComparer<KeyedPoint<T>>
    {
        public bool Equals(KeyedPoint<T>? x, KeyedPoint<T>? y) => string.Equals(x?.Key, y?.Key, StringComparison.Ordinal);

        public int GetHashCode(KeyedPoint<T> obj) => StringComparer.Ordinal.GetHashCode(obj.Key);
    }
}
