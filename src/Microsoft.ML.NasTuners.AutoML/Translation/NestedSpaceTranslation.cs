namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>An AutoML search space nested in another (or the experiment's own): a nested space on our side; a proposal
/// goes back as a nested <c>Parameter</c> with every key of the AutoML space, in its order.</summary>
internal sealed class NestedSpaceTranslation : IOptionTranslation
{
    private readonly AutoMLParameters _parameters;
    private readonly IReadOnlyList<KeyValuePair<string, IOptionTranslation>> _entries;

    public NestedSpaceTranslation(AutoMLParameters parameters, IReadOnlyList<KeyValuePair<string, IOptionTranslation>> entries)
    {
        _parameters = parameters;
        _entries = entries;
        Ours = new SearchSpace(entries.Where(e => e.Value.Ours is not null).Select(e => KeyValuePair.Create(e.Key, e.Value.Ours!)));
    }

    public SearchSpace Ours { get; }

    OptionBase IOptionTranslation.Ours => Ours;

    /// <summary>The translations of this space's options, in AutoML's order.</summary>
    public IReadOnlyList<KeyValuePair<string, IOptionTranslation>> Entries => _entries;

    public object ToAutoML(Parameter? ours, double subSamplingRatio)
    {
        var result = _parameters.CreateNested();
        foreach (var (key, entry) in _entries)
        {
            var value = ours is not null && ours.TryGetValue(key, out var v) ? v : null;
            _parameters.Set(result, key, entry.ToAutoML(value, subSamplingRatio));
        }
        return result;
    }
}
