namespace Microsoft.ML.NasTuners;

/// <summary>Collects dimensions in order; parents are always added before the dimensions they condition.</summary>
internal sealed class ModelViewBuilder
{
    private readonly List<Dimension> _dimensions = [];

    public Dimension Add(Dimension dimension)
    {
        var added = dimension with { Index = _dimensions.Count };
        _dimensions.Add(added);
        return added;
    }

    public ModelView Build() => new(_dimensions);
}
