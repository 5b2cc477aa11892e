namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>Compares points of a model view by value, NaN (inactive) equal to NaN, so that a set of them can tell
/// whether a parameter was already proposed.</summary>
internal sealed class RawPointComparer : IEqualityComparer<double[]>
{
    public static RawPointComparer Instance { get; } = new();

    public bool Equals(double[]? x, double[]? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null || x.Length != y.Length) return false;
        for (var i = 0; i < x.Length; i++)
        {
            // double.Equals treats NaN as equal to NaN, unlike ==.
            if (!x[i].Equals(y[i])) return false;
        }
        return true;
    }

    public int GetHashCode(double[] obj)
    {
        var hash = new HashCode();
        foreach (var v in obj) hash.Add(v);
        return hash.ToHashCode();
    }
}
