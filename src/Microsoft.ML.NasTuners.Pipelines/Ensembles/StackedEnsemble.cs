using Microsoft.ML.Data;
using Microsoft.ML.NasTuners.Pipelines.Data;
using Microsoft.ML.NasTuners.Pipelines.Evaluation;
using Microsoft.ML.NasTuners.Pipelines.Running;
using Microsoft.ML.NasTuners.Pipelines.Validation;
using Microsoft.ML.Trainers;

namespace Microsoft.ML.NasTuners.Pipelines.Ensembles;

/// <summary>
/// Stacking (Wolpert 1992; Breiman 1996): a model with non-negative weights, the combiner, learns how to weigh the
/// members' out-of-fold predictions, so a member is rewarded only for what it predicts on rows it did not train on. The
/// members are the best trial of each trainer, since the gain of an ensemble comes from members that err differently
/// (the best trials of one trainer are near copies of each other). The combiner is logistic regression for binary
/// classification (on each member's probability), maximum entropy for multiclass (on each member's class scores), both
/// ML.NET's L-BFGS trainers with their default regularisation, and non-negative least squares for regression.
/// </summary>
internal sealed class StackedEnsemble(PipelineTask task, string labelColumnName)
{
    /// <summary>The combiner's input: the members' predictions side by side.</summary>
    public const string StackedColumn = "__Stacked";

    /// <summary>The best succeeded candidate of each trainer (<see cref="TrialRanking"/>), best first, at most
    /// <paramref name="maxMembers"/>.</summary>
    public static IReadOnlyList<EnsembleCandidate> ChooseMembers(IEnumerable<EnsembleCandidate> candidates, int maxMembers) =>
        TrialRanking.BestFirst(candidates, c => c.Trial)
            .DistinctBy(c => c.Trial.Trainer)
            .Take(maxMembers)
            .ToList();

    /// <summary>The rows every member predicted out of fold: the label and the members' predictions stacked (and, when
    /// each member gives one number, also each in a column of its own, as the assembled model has them).</summary>
    public (Table Stacked, int[] Rows) Stack(Table training, IReadOnlyList<OutOfFoldPredictions> members)
    {
        var rows = members[0].PredictedRows.Where(r => members.All(m => m.HasPrediction(r))).ToArray();
        var width = members.Sum(m => m.Width);
        var stacked = new VBuffer<float>[rows.Length];
        for (var i = 0; i < rows.Length; i++)
            stacked[i] = new VBuffer<float>(width, members.SelectMany(m => m[rows[i]]).ToArray());
        var columns = new List<TableColumn> { training[labelColumnName].Select(rows), TableColumn.Vector(StackedColumn, stacked, width) };
        if (members.All(m => m.Width == 1))
            columns.AddRange(members.Select((m, i) => TableColumn.Numeric(MemberColumn(i), rows.Select(r => m[r][0]).ToArray())));
        return (new Table(columns), rows);
    }

    /// <summary>The column member <paramref name="index"/>'s prediction is kept in.</summary>
    public static string MemberColumn(int index) => $"__Member{index}";

    /// <summary>The combiner's estimator for <paramref name="members"/> members: every weight on a member's prediction
    /// non-negative, as Breiman found stacking needs, since the members' predictions are highly correlated and free
    /// weights overfit by cancelling each other.</summary>
    public IEstimator<ITransformer> Combiner(MLContext context, int members) => task switch
    {
        PipelineTask.BinaryClassification => context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = labelColumnName, FeatureColumnName = StackedColumn, EnforceNonNegativity = true,
        }),
        PipelineTask.MulticlassClassification => context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = labelColumnName, FeatureColumnName = StackedColumn, EnforceNonNegativity = true,
        }),
        _ => new NonNegativeStackedRegression(context, labelColumnName, Enumerable.Range(0, members).Select(MemberColumn).ToArray()),
    };

    /// <summary>The ensemble's validation metrics: the combiner cross-validated on the stacked rows (stratified by
    /// <paramref name="strata"/>, the strata of those rows).</summary>
    public IReadOnlyDictionary<PipelineMetric, double> CrossValidate(MLContext context, Table stacked, int members, int[] strata, int folds, int seed)
    {
        var perFold = StratifiedSplits.Folds(strata, PipelineValidation.CrossValidation(folds), seed)
            .Where(f => f.Valid.Length > 0)
            .Select(f =>
            {
                var combiner = Combiner(context, members).Fit(stacked.Select(f.Train));
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
            var column = MemberColumn(i);
            var scored = members[i].Scorer.Transform(view);
            var copy = context.Transforms.CopyColumns(column, OutOfFoldPredictions.ColumnFor(task)).Fit(scored);
            steps.Add(members[i].Scorer);
            steps.Add(copy);
            view = copy.Transform(scored);
            memberColumns.Add(column);
        }
        var concatenate = context.Transforms.Concatenate(StackedColumn, memberColumns.ToArray()).Fit(view);
        steps.Add(concatenate);
        steps.Add(combiner);
        var description = $"Ensemble of {members.Count}, stacked by {CombinerName}: " + string.Join(" || ", members.Select(m => m.Description));
        return FittedPipeline.From(context, task, new TransformerChain<ITransformer>(steps.ToArray()), training, description);
    }

    /// <summary>What combines the members, as the description and <see cref="PipelineEnsemble.Combiner"/> name it.</summary>
    public string CombinerName => task switch
    {
        PipelineTask.BinaryClassification => "LbfgsLogisticRegression (non-negative)",
        PipelineTask.MulticlassClassification => "LbfgsMaximumEntropy (non-negative)",
        _ => "non-negative least squares",
    };
}
