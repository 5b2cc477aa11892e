namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>An AutoML search space nested in another (or the experiment's own): a nested space on our side; a proposal
/// goes back as AutoML's own sample at the space's default point with our values written over it, so it has every key
/// AutoML's sampling gives (those of a default object too).</summary>
internal sealed class NestedSpaceTranslation : IOptionTranslation
{
    private readonly AutoMLParameters _parameters;
    private readonly object _space;
    private readonly IReadOnlyList<KeyValuePair<string, IOptionTranslation>> _entries;

    public NestedSpaceTranslation(AutoMLParameters parameters, object space, IReadOnlyList<KeyValuePair<string, IOptionTranslation>> entries)
    {
        _parameters = parameters;
        _space = space;
        _entries = entries;
        Ours = new SearchSpace(entries.Where(e => e.Value.Ours is not null).Select(e => KeyValuePair.Create(e.Key, e.Value.Ours!)));
    }

    public SearchSpace Ours { get; }

    OptionBase IOptionTranslation.Ours => Ours;

    /// <summary>The translations of this space's options, in AutoML's order.</summary>
    public IReadOnlyList<KeyValuePair<string, IOptionTranslation>> Entries => _entries;

    public object ToAutoML(Parameter? ours, double subSamplingRatio)
    {
        var result = AutoMLOptions.DefaultSample(_space);
        foreach (var (key, entry) in _entries)
        {
            var value = ours is not null && ours.TryGetValue(key, out var v) ? v : null;
            _parameters.SetOver(result, key, entry.ToAutoML(value, subSamplingRatio));
        }
        return result;
    }
}
