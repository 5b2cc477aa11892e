namespace Microsoft.ML.SearchSpace.Option;

/// <summary>The sealed nested search space AutoML also has, beside <c>Microsoft.ML.SearchSpace.SearchSpace</c>.</summary>
public sealed class SearchSpace : OptionDictionary
{
    public SearchSpace()
    {
    }

    public SearchSpace(params KeyValuePair<string, OptionBase>[] options)
    {
        foreach (var (key, option) in options) Add(key, option);
    }
}
