using Microsoft.Extensions.Logging;
using Microsoft.ML.NasTuners.AutoML;

namespace Snippets;

/// <summary>The C# samples of docs/automl.md that compile without Microsoft.ML.AutoML (the rest is
/// examples/AutoMLExample, which needs it).</summary>
public static class AutoML
{
    [Snippet("docs/automl.md", "automl-options")]
    public static AutoMLTunerOptions Options(ILogger logger)
    {
        #region snippet:automl-options
        var options = new AutoMLTunerOptions
        {
            Kind = TunerKind.Bohb,
            MinSubSamplingRatio = 1.0 / 9,
            Logger = logger,
        };
        #endregion
        return options;
    }

    [Snippet("docs/automl.md", "automl-own-options")]
    public static AutoMLTunerOptions OwnOptions()
    {
        #region snippet:automl-own-options
        var withOwnOptions = new AutoMLTunerOptions
        {
            CreateTuner = (space, seed) => new SmacTuner(space, new SmacOptions { RandomProposalProbability = 0.1 }, seed),
        };
        #endregion
        return withOwnOptions;
    }
}
