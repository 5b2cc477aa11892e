using Microsoft.ML.NasTuners.Pipelines.Data;
using Microsoft.ML.NasTuners.Pipelines.Featurization;
using Microsoft.ML.NasTuners.Pipelines.Running;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Running;

/// <summary>A data set read as a search reads it, with the fitter and the evaluator a search would validate with.</summary>
internal static class ValidatedTables
{
    public static (Table Table, PipelineFitter Fitter, TrialEvaluator Evaluator) For(MLContext context, IDataView data, PipelineTask task,
        PipelineValidation validation, int seed = 1)
    {
        var reader = TableReader.Fit(context, data, task, TabularSets.Label, null, new HashSet<string>());
        var (table, strata) = reader.Read(context, data);
        var fitter = new PipelineFitter(Featurizer.Infer(table, reader.Features, new FeaturizationRules()), task, TabularSets.Label);
        return (table, fitter, new TrialEvaluator(table, strata, validation, fitter, task, TabularSets.Label, seed));
    }
}
