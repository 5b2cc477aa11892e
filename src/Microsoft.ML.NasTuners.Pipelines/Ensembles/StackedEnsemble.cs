using Microsoft.ML.Data;
using Microsoft.ML.NasTuners.Pipelines.Data;
using Microsoft.ML.NasTuners.Pipelines.Evaluation;
using Microsoft.ML.NasTuners.Pipelines.Running;
using Microsoft.ML.NasTuners.Pipelines.Validation;

namespace Microsoft.ML.NasTuners.Pipelines.Ensembles;

/// <summary>
/// Stacking (Wolpert 1992; Breiman 1996): a linear model, the combiner, learns how to weigh the members' out-of-fold
/// predictions, so a member is rewarded only for what it predicts on rows it did not train on. The members are the best
/// trial of each trainer, since the gain of an ensemble comes from members that err differently (the best trials of
/// one trainer are near copies of each other). The combiner is logistic regression for binary classification (on each
/// member's probability), maximum entropy for multiclass (on each member's class scores) and least squares (SDCA on
/// min-max scaled scores) for regression, all with ML.NET's default regularisation.
/// </summary>
internal sealed class StackedEnsemble(PipelineTask task, string labelColumnName)
{
    /// <summary>The combiner's input: the members' predictions side by side.</summary>
    public const string StackedColumn = "__Stacked";

    /// <summary>The best candidate of each trainer, best first, at most <paramref name="maxMembers"/>.</summary>
    public static IReadOnlyList<EnsembleCandidate> ChooseMembers(IEnumerable<EnsembleCandidate> candidates, int maxMembers) =>
        candidates.GroupBy(c => c.Trial.Trainer)
            .Select(g => g.OrderBy(c => c.Trial.Loss).ThenBy(c => c.Trial.TrialId).First())
            .OrderBy(c => c.Trial.Loss).ThenBy(c => c.Trial.TrialId)
            .Take(maxMembers)
            .ToList();

    /// <summary>The rows every member predicted out of fold: the label and the members' predictions stacked.</summary>
    public (Table Stacked, int[] Rows) Stack(Table training, IReadOnlyList<OutOfFoldPredictions> members)
    {
        var rows = members[0].PredictedRows.Where(r => members.All(m => m.HasPrediction(r))).ToArray();
        var width = members.Sum(m => m.Width);
        var stacked = new VBuffer<float>[rows.Length];
        for (var i = 0; i < rows.Length; i++)
            stacked[i] = new VBuffer<float>(width, members.SelectMany(m => m[rows[i]]).ToArray());
        return (new Table([training[labelColumnName].Select(rows), TableColumn.Vector(StackedColumn, stacked, width)]), rows);
    }

    /// <summary>The combiner's estimator.</summary>
    public IEstimator<ITransformer> Combiner(MLContext context) => task switch
    {
        PipelineTask.BinaryClassification => context.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName, StackedColumn),
        PipelineTask.MulticlassClassification => context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(labelColumnName, StackedColumn),
        _ => context.Transforms.NormalizeMinMax(StackedColumn).Append(context.Regression.Trainers.Sdca(labelColumnName, featureColumnName: StackedColumn)),
    };

    /// <summary>The ensemble's validation metrics: the combiner cross-validated on the stacked rows (stratified by
    /// <paramref name="strata"/>, the strata of those rows).</summary>
    public IReadOnlyDictionary<PipelineMetric, double> CrossValidate(MLContext context, Table stacked, int[] strata, int folds, int seed)
    {
        var perFold = StratifiedSplits.Folds(strata, PipelineValidation.CrossValidation(folds), seed)
            .Where(f => f.Valid.Length > 0)
            .Select(f =>
            {
                var combiner = Combiner(context).Fit(stacked.Select(f.Train));
                return MetricEvaluator.Evaluate(context, task, combiner.Transform(stacked.Select(f.Valid)), labelColumnName);
            })
            .ToList();
        return MetricEvaluator.Mean(perFold);
    }

    /// <summary>The ensemble as one model: each member (refitted on all the training data) scores the rows in turn and
    /// its prediction is kept in a column of its own, then the combiner (fitted on all the stacked rows) reads them.</summary>
    public FittedPipeline Assemble(MLContext context, IReadOnlyList<FittedPipeline> members, ITransformer combiner, IDataView training)
    {
        var steps = new List<ITransformer>();
        IDataView view = training;
        var memberColumns = new List<string>();
        for (var i = 0; i < members.Count; i++)
        {
            var column = $"__Member{i}";
            var copy = context.Transforms.CopyColumns(column, OutOfFoldPredictions.ColumnFor(task)).Fit(members[i].Scorer.Transform(view));
            steps.Add(members[i].Scorer);
            steps.Add(copy);
            view = copy.Transform(members[i].Scorer.Transform(view));
            memberColumns.Add(column);
        }
        var concatenate = context.Transforms.Concatenate(StackedColumn, memberColumns.ToArray()).Fit(view);
        steps.Add(concatenate);
        steps.Add(combiner);
        var scorer = new TransformerChain<ITransformer>(steps.ToArray());
        ITransformer model = scorer;
        if (task == PipelineTask.MulticlassClassification)
        {
            var toName = context.Transforms.Conversion.MapKeyToValue("PredictedLabel", "PredictedLabel").Fit(scorer.Transform(training));
            model = new TransformerChain<ITransformer>(scorer, toName);
        }
        var description = $"Ensemble of {members.Count}, stacked by {CombinerName}: " + string.Join(" || ", members.Select(m => m.Description));
        return new FittedPipeline(scorer, model, description);
    }

    public string CombinerName => task switch
    {
        PipelineTask.BinaryClassification => "LbfgsLogisticRegression",
        PipelineTask.MulticlassClassification => "LbfgsMaximumEntropy",
        _ => "NormalizeMinMax | Sdca",
    };
}
