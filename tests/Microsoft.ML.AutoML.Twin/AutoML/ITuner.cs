using Microsoft.ML.SearchSpace;

namespace Microsoft.ML.AutoML;

public interface ITuner
{
    Parameter Propose(TrialSettings settings);

    void Update(TrialResult result);
}
