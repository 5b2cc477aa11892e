namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>Images in memory: one flat float vector per image (channel-major, then row-major) and a class index.</summary>
public sealed class ImageDataset
{
    private readonly float[] _features;
    private readonly int[] _labels;

    /// <summary>Creates a data set; the arrays are kept, not copied.</summary>
    /// <param name="features">Count * Shape.FeatureLength values, image after image.</param>
    /// <param name="labels">One class index in [0, classCount) per image.</param>
    /// <param name="shape">The shape of one image.</param>
    /// <param name="classCount">The number of classes, at least 2.</param>
    /// <exception cref="ArgumentException">The lengths do not match or a label is out of range; the message says which.</exception>
    public ImageDataset(float[] features, int[] labels, CnnInputShape shape, int classCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(shape);
        shape.Validate();
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "classCount must be at least 2.");
        if (features.Length != (long)labels.Length * shape.FeatureLength)
            throw new ArgumentException($"Expected {labels.Length} x {shape.FeatureLength} = {(long)labels.Length * shape.FeatureLength} feature values for {labels.Length} labels, got {features.Length}.", nameof(features));
        var bad = Array.FindIndex(labels, l => l < 0 || l >= classCount);
        if (bad >= 0) throw new ArgumentOutOfRangeException(nameof(labels), labels[bad], $"Label {bad} lies outside [0, {classCount}).");
        _features = features;
        _labels = labels;
        Shape = shape;
        ClassCount = classCount;
    }

    /// <summary>The shape of one image.</summary>
    public CnnInputShape Shape { get; }

    /// <summary>The number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>The number of images.</summary>
    public int Count => _labels.Length;

    /// <summary>All feature values, image after image.</summary>
    public ReadOnlySpan<float> Features => _features;

    /// <summary>The class index of every image.</summary>
    public IReadOnlyList<int> Labels => _labels;

    internal float[] FeatureArray => _features;

    internal int[] LabelArray => _labels;

    /// <summary>The images at <paramref name="indices"/>, in that order.</summary>
    public ImageDataset Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var length = Shape.FeatureLength;
        var features = new float[indices.Count * length];
        var labels = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            var index = indices[i];
            if (index < 0 || index >= Count) throw new ArgumentOutOfRangeException(nameof(indices), index, $"Index lies outside [0, {Count}).");
            Array.Copy(_features, (long)index * length, features, (long)i * length, length);
            labels[i] = _labels[index];
        }
        return new ImageDataset(features, labels, Shape, ClassCount);
    }

    /// <summary>These images followed by those of <paramref name="other"/>, which must have the same shape and classes
    /// (for example training and validation parts together, to train a chosen configuration on both).</summary>
    /// <exception cref="ArgumentException"><paramref name="other"/> has another shape or class count.</exception>
    public ImageDataset Concat(ImageDataset other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Shape != Shape || other.ClassCount != ClassCount)
            throw new ArgumentException($"The images to append ({other.Shape}, {other.ClassCount} classes) do not match these ({Shape}, {ClassCount} classes).", nameof(other));
        return new ImageDataset([.. _features, .. other._features], [.. _labels, .. other._labels], Shape, ClassCount);
    }

    /// <summary>The first <paramref name="count"/> images.</summary>
    public ImageDataset Take(int count) => Subset(Enumerable.Range(0, Math.Clamp(count, 0, Count)).ToArray());
}
