using Microsoft.ML.SearchSpace.Option;

namespace Microsoft.ML.SearchSpace;

public class SearchSpace : OptionDictionary
{
    public SearchSpace()
    {
    }
}
