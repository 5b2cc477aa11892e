using Microsoft.ML.Data;
using Microsoft.ML.NasTuners.Pipelines.Data;
using Microsoft.ML.NasTuners.Pipelines.Ensembles;
using Microsoft.ML.NasTuners.Pipelines.Evaluation;
using Microsoft.ML.NasTuners.Pipelines.Trainers;
using Microsoft.ML.NasTuners.Pipelines.Validation;

namespace Microsoft.ML.NasTuners.Pipelines.Running;

/// <summary>Validates one pipeline: fits it on each fold's training rows (a fraction of them at a low budget) and
/// scores it on the fold's validation rows, all of them at every budget. The rows drawn for a budget depend only on the
/// seed, the fold and the budget, so trials at one budget are compared on the same data.</summary>
internal sealed class TrialEvaluator
{
    private readonly Table _table;
    private readonly int[] _strata;
    private readonly IReadOnlyList<(int[] Train, int[] Valid)> _folds;
    private readonly Table[] _validTables;
    private readonly PipelineFitter _fitter;
    private readonly PipelineTask _task;
    private readonly string _label;
    private readonly int _seed;
    private readonly int _predictionWidth;

    public TrialEvaluator(Table table, int[] strata, PipelineValidation validation, PipelineFitter fitter, PipelineTask task, string label, int seed)
    {
        _table = table;
        _strata = strata;
        _folds = StratifiedSplits.Folds(strata, validation, seed);
        _validTables = _folds.Select(f => table.Select(f.Valid)).ToArray();
        _fitter = fitter;
        _task = task;
        _label = label;
        _seed = seed;
        _predictionWidth = task == PipelineTask.MulticlassClassification ? checked((int)((KeyDataViewType)table.Schema[label].Type).Count) : 1;
    }

    /// <summary>Validates <paramref name="trainer"/> with <paramref name="parameter"/> (ML.NET's defaults when null) at
    /// <paramref name="budget"/>: the mean validation metrics over folds and, when <paramref name="recordPredictions"/>,
    /// the out-of-fold predictions an ensemble combines (at every budget, since every budget predicts all the validation
    /// rows; reading them scores the validation rows a second time, so only a search that may build an ensemble asks).</summary>
    public TrialEvaluation Evaluate(MLContext context, PipelineTrainer trainer, Parameter? parameter,
        double? budget, bool recordPredictions, CancellationToken cancellationToken)
    {
        var perFold = new List<IReadOnlyDictionary<PipelineMetric, double>>();
        var predictions = recordPredictions ? new OutOfFoldPredictions(_table.RowCount, _predictionWidth) : null;
        for (var f = 0; f < _folds.Count; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rowFraction = FidelityMapping.RowFraction(budget, _folds[f].Train.Length);
            var rows = StratifiedSplits.Subsample(_folds[f].Train, _strata, rowFraction, unchecked(_seed * 7919 + f * 104729 + (int)Math.Round(rowFraction * 1e6)));
            var fitted = _fitter.Fit(context, trainer, parameter, _table.Select(rows), FidelityMapping.IterationFraction(budget));
            var scored = fitted.Scorer.Transform(_validTables[f]);
            perFold.Add(MetricEvaluator.Evaluate(context, _task, scored, _label));
            predictions?.Record(_task, scored, _folds[f].Valid);
        }
        return new TrialEvaluation(perFold, predictions);
    }
}
