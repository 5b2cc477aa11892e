using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.ML.NasTuners.Pipelines.Data;
using Microsoft.ML.NasTuners.Pipelines.Ensembles;
using Microsoft.ML.NasTuners.Pipelines.Evaluation;
using Microsoft.ML.NasTuners.Pipelines.Featurization;
using Microsoft.ML.NasTuners.Pipelines.Running;
using Microsoft.ML.NasTuners.Pipelines.Trainers;
using Microsoft.ML.NasTuners.Storage;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Pipelines;

/// <summary>
/// A search over ML.NET pipelines (featurisation inferred from the columns, a trainer and its hyper-parameters),
/// reached from <c>mlContext.Nas().BinaryClassification(...)</c>, <c>.MulticlassClassification(...)</c> or
/// <c>.Regression(...)</c>. It configures a <see cref="NasExperiment"/> (the tuner, default <c>auto</c>; limits;
/// parallelism; seed; study; progress) whose trials fit and validate pipelines, then refits the best (or a stacked
/// ensemble of the best trainers, <see cref="SetEnsembleSize"/>) on all the training data.
/// </summary>
/// <example>
/// <code>
/// var train = TabularCsv.Load(mlContext, "pima.csv");
/// var result = await mlContext.Nas().BinaryClassification(train, "label").SetTimeLimit(30).RunAsync();
/// mlContext.Model.Save(result.EnsureModel().Model, result.InputSchema, "model.zip");
/// </code>
/// </example>
/// <remarks>Defaults: the metric of <see cref="PipelineMetrics.DefaultFor"/>, the validation of
/// <see cref="PipelineValidation.DefaultFor"/>, every trainer of <see cref="PipelineTrainers.For"/>, fidelities on
/// (budgets 1 to 9, <see cref="FidelityMapping"/>), every trainer's ML.NET defaults evaluated first
/// (<see cref="SetEvaluateDefaultsFirst"/>), no time limit and <see cref="NasExperiment.DefaultMaxTrials"/> trials (with a
/// time limit, as many trials as it allows), one trial at a time, the context's seed (else 0), and as the model an
/// ensemble of up to <see cref="DefaultEnsembleSize"/> trainers when it validates better than the best trial.</remarks>
public sealed class PipelineExperiment
{
    private readonly MLContext _context;
    private readonly IDataView _trainData;
    private readonly string _labelColumnName;
    private readonly List<PipelineTrainer> _trainers;
    private readonly List<Action<NasExperiment>> _configure = [];
    private IDataView? _testData;
    private PipelineMetric _metric;
    private PipelineValidation? _validation;
    private Func<SearchSpace, int, ITuner>? _tunerFactory;
    private TunerKind? _tunerKind;
    private bool _fidelities = true;
    private bool _evaluateDefaultsFirst = true;
    private FeaturizationRules _rules = new();
    private string? _positiveClass;
    private readonly HashSet<string> _excluded = [];
    private int _seed;
    private double? _timeLimit;
    private int? _maxTrials;
    private int _ensembleSize = DefaultEnsembleSize;

    /// <summary>The most members an ensemble has by default (<see cref="SetEnsembleSize"/>).</summary>
    public const int DefaultEnsembleSize = 3;

    // Folds of the combiner's own cross-validation, which decides whether the ensemble beats the best trial.
    private const int CombinerFolds = 5;

    internal PipelineExperiment(MLContext context, PipelineTask task, IDataView trainData, string labelColumnName)
    {
        _context = context;
        Task = task;
        _trainData = trainData ?? throw new ArgumentNullException(nameof(trainData));
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumnName);
        _labelColumnName = labelColumnName;
        _trainers = PipelineTrainers.For(task).ToList();
        _metric = PipelineMetrics.DefaultFor(task);
        _seed = MLContextSeed.Of(context) ?? 0;
    }

    /// <summary>The task.</summary>
    public PipelineTask Task { get; }

    /// <summary>The trainers the search chooses among, in order.</summary>
    public IReadOnlyList<PipelineTrainer> Trainers => _trainers;

    /// <summary>Optimises <paramref name="metric"/> (its direction is handled: see <see cref="PipelineMetrics.ToLoss"/>).</summary>
    /// <exception cref="ArgumentException">The metric does not apply to the task.</exception>
    public PipelineExperiment SetMetric(PipelineMetric metric)
    {
        if (!PipelineMetrics.For(Task).Contains(metric))
            throw new ArgumentException($"Metric {metric} does not apply to {Task}; use one of {string.Join(", ", PipelineMetrics.For(Task))}.", nameof(metric));
        _metric = metric;
        return this;
    }

    /// <summary>Validates trials by a holdout or by k-fold cross-validation (stratified for classification).</summary>
    public PipelineExperiment SetValidation(PipelineValidation validation)
    {
        _validation = validation ?? throw new ArgumentNullException(nameof(validation));
        return this;
    }

    /// <summary>Scores the best model on <paramref name="testData"/> (<see cref="PipelineResult.TestMetrics"/>).</summary>
    public PipelineExperiment SetTestData(IDataView testData)
    {
        _testData = testData ?? throw new ArgumentNullException(nameof(testData));
        return this;
    }

    /// <summary>Searches only the named trainers (of <see cref="Trainers"/>).</summary>
    /// <exception cref="ArgumentException">A name is not a trainer, or none is given.</exception>
    public PipelineExperiment SetTrainers(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Length == 0) throw new ArgumentException("Name at least one trainer.", nameof(names));
        var unknown = names.Where(n => _trainers.All(t => t.Name != n)).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException($"Unknown trainer(s) {string.Join(", ", unknown)}; trainers: {string.Join(", ", _trainers.Select(t => t.Name))}.", nameof(names));
        _trainers.RemoveAll(t => !names.Contains(t.Name));
        return this;
    }

    /// <summary>Adds a trainer, or replaces the one of the same name (a trainer with a changed range, from
    /// <see cref="PipelineTrainer.WithOption"/>).</summary>
    /// <exception cref="ArgumentException">The trainer is for another task.</exception>
    public PipelineExperiment AddTrainer(PipelineTrainer trainer)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        if (trainer.Task != Task) throw new ArgumentException($"Trainer {trainer.Name} is for {trainer.Task}, not {Task}.", nameof(trainer));
        var index = _trainers.FindIndex(t => t.Name == trainer.Name);
        if (index >= 0) _trainers[index] = trainer;
        else _trainers.Add(trainer);
        return this;
    }

    /// <summary>Uses a tuner built from the space and seed at each run. Default: the experiment's
    /// <see cref="AutoTuner"/>, told the budgets.</summary>
    public PipelineExperiment SetTuner(Func<SearchSpace, int, ITuner> factory)
    {
        _tunerFactory = factory ?? throw new ArgumentNullException(nameof(factory));
        _tunerKind = null;
        return this;
    }

    /// <summary>Uses a standard tuner (a multi-fidelity kind gets the budgets of <see cref="FidelityMapping"/>).</summary>
    public PipelineExperiment SetTuner(TunerKind kind)
    {
        _tunerKind = kind;
        _tunerFactory = null;
        return this;
    }

    /// <summary>Gives trials budgets 1 to 9 (<see cref="FidelityMapping"/>: training-row fraction and boosting
    /// iterations) for multi-fidelity tuners; off, every trial trains on everything. Default on.</summary>
    public PipelineExperiment SetFidelities(bool enabled = true)
    {
        _fidelities = enabled;
        return this;
    }

    /// <summary>Evaluates each trainer's default point first, in the order of <see cref="Trainers"/> and at the full
    /// budget, before the tuner is asked, as ML.NET AutoML starts from its defaults. The default point of a default
    /// trainer is trained with ML.NET's default settings (<see cref="PipelineTrial.UsesMlNetDefaults"/>), so the search
    /// starts where <see cref="RunMlNetDefaultsAsync"/> ends; the tuner learns from them like any trial. A resumed study
    /// that has trials does not evaluate them again. Default on.</summary>
    public PipelineExperiment SetEvaluateDefaultsFirst(bool evaluate = true)
    {
        _evaluateDefaultsFirst = evaluate;
        return this;
    }

    /// <summary>Returns as the model an ensemble of up to <paramref name="maxMembers"/> pipelines (the best trial of each of
    /// the best trainers, stacked by a model with non-negative weights trained on their out-of-fold predictions) when it validates better
    /// than the best trial; 1 returns the best trial's pipeline. Default <see cref="DefaultEnsembleSize"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not between 1 and 10.</exception>
    public PipelineExperiment SetEnsembleSize(int maxMembers)
    {
        if (maxMembers is < 1 or > 10) throw new ArgumentOutOfRangeException(nameof(maxMembers), maxMembers, "An ensemble has 1 to 10 members.");
        _ensembleSize = maxMembers;
        return this;
    }

    /// <summary>Sets the thresholds of the featurisation.</summary>
    public PipelineExperiment SetFeaturizationRules(FeaturizationRules rules)
    {
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        return this;
    }

    /// <summary>For binary classification, the label value that is the positive class. Default: the greater of the
    /// two values (numbers numerically, text ordinally).</summary>
    public PipelineExperiment SetPositiveClass(string positiveClass)
    {
        _positiveClass = positiveClass ?? throw new ArgumentNullException(nameof(positiveClass));
        return this;
    }

    /// <summary>Columns that are not features (ids, leaks).</summary>
    public PipelineExperiment ExcludeColumns(params string[] columns)
    {
        _excluded.UnionWith(columns ?? throw new ArgumentNullException(nameof(columns)));
        return this;
    }

    /// <summary>As <see cref="NasExperiment.SetMaxTrials"/>. Default: <see cref="NasExperiment.DefaultMaxTrials"/> without a
    /// time limit; with one, no trial limit.</summary>
    public PipelineExperiment SetMaxTrials(int maxTrials)
    {
        if (maxTrials < 1) throw new ArgumentOutOfRangeException(nameof(maxTrials), maxTrials, "Max trials must be at least 1.");
        _maxTrials = maxTrials;
        return this;
    }

    /// <summary>As <see cref="NasExperiment.SetTimeLimit"/>: the search's wall time (the refit of the best comes after).</summary>
    public PipelineExperiment SetTimeLimit(double seconds)
    {
        if (!(seconds > 0 && double.IsFinite(seconds))) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "The time limit must be a finite number of seconds above 0.");
        _timeLimit = seconds;
        return this;
    }

    /// <summary>As <see cref="NasExperiment.SetTrialTimeout"/>; a trial that times out is stopped through its
    /// MLContext's <c>CancelExecution()</c>.</summary>
    public PipelineExperiment SetTrialTimeout(double seconds) => Configure(e => e.SetTrialTimeout(seconds));

    /// <summary>As <see cref="NasExperiment.SetDegreeOfParallelism"/>.</summary>
    public PipelineExperiment SetDegreeOfParallelism(int degreeOfParallelism) => Configure(e => e.SetDegreeOfParallelism(degreeOfParallelism));

    /// <summary>Seeds the tuner, the splits and every trial's MLContext. Default: the context's seed, else 0.</summary>
    public PipelineExperiment SetSeed(int seed)
    {
        _seed = seed;
        return this;
    }

    /// <summary>As <see cref="NasExperiment.SetStudy(string, string)"/>: a durable, resumable study.</summary>
    public PipelineExperiment SetStudy(string name, string storage) => Configure(e => e.SetStudy(name, storage));

    /// <summary>As <see cref="NasExperiment.SetStudy(string, ITrialStore)"/>.</summary>
    public PipelineExperiment SetStudy(string name, ITrialStore store) => Configure(e => e.SetStudy(name, store));

    /// <summary>As <see cref="NasExperiment.SetProgress"/>.</summary>
    public PipelineExperiment SetProgress(IProgress<ExperimentProgress> progress) => Configure(e => e.SetProgress(progress));

    /// <summary>As <see cref="NasExperiment.AddMonitor"/>.</summary>
    public PipelineExperiment AddMonitor(IExperimentMonitor monitor) => Configure(e => e.AddMonitor(monitor));

    /// <summary>Anything else of the underlying <see cref="NasExperiment"/> (a pruner, a logger, enqueued parameters),
    /// applied at each run after the pipeline's own settings. Do not replace its objective.</summary>
    public PipelineExperiment Configure(Action<NasExperiment> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(new NasExperiment()); // checks the arguments now, as the setters do
        _configure.Add(configure);
        return this;
    }

    /// <summary>The search space the tuner sees: a conditional choice <c>trainer</c> over the trainers.</summary>
    public SearchSpace SearchSpace => new PipelineSearchSpace(_trainers).Space;

    /// <summary>Runs the search and refits the best pipeline (or the ensemble) on all the training data. A cancelled token stops the
    /// search (running trials are stopped through <c>CancelExecution()</c>) and returns what was done, without a refit.</summary>
    public async Task<PipelineResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var prepared = Prepare();
        var space = new PipelineSearchSpace(_trainers);
        var cancellation = new ExecutionCancellation();
        // Each trial's validation, without its out-of-fold predictions (only each trainer's best keeps those).
        var validated = new ConcurrentDictionary<int, (IReadOnlyDictionary<PipelineMetric, double> Metrics, double[] FoldLosses)>();
        var predictions = new BestPredictionsPerTrainer();
        var budgets = _fidelities ? new BudgetRange(FidelityMapping.MinBudget, FidelityMapping.MaxBudget) : null;

        var experiment = _context.Nas().CreateExperiment()
            .SetSearchSpace(space.Space)
            .SetSeed(_seed)
            // A time limit alone is a budget of time, as in ML.NET AutoML: a trial count would end the search before it.
            .SetMaxTrials(_maxTrials ?? (_timeLimit is null ? NasExperiment.DefaultMaxTrials : int.MaxValue))
            .SetObjective((parameter, trial, token) =>
            {
                var (trainer, own) = space.Read(parameter);
                var trialContext = new MLContext(seed: unchecked(_seed * 31 + trial.TrialId));
                using var watch = cancellation.Watch(trial.TrialId, trialContext, token);
                var evaluation = prepared.Evaluator.Evaluate(trialContext, trainer, UsesMlNetDefaults(space, parameter, trial.Budget) ? null : own, trial.Budget,
                    recordPredictions: _ensembleSize > 1, token);
                var value = evaluation.Metrics[_metric];
                if (double.IsNaN(value)) throw new InvalidOperationException($"{_metric} is undefined on the validation data (NaN).");
                validated[trial.TrialId] = (evaluation.Metrics, LossByFold(evaluation));
                var loss = _metric.ToLoss(value);
                if (evaluation.Predictions is { } outOfFold) predictions.Offer(trainer.Name, trial.TrialId, loss, trial.Budget, outOfFold);
                return new ObjectiveValue(loss, value);
            });
        if (budgets is not null) experiment.SetBudget(budgets.Min, budgets.Max);
        if (_evaluateDefaultsFirst) experiment.SetEvaluateDefaultsFirst(space.DefaultPoints);
        if (_timeLimit is { } limit) experiment.SetTimeLimit(limit);
        if (_tunerFactory is not null) experiment.SetTuner(_tunerFactory);
        else if (_tunerKind is { } kind)
            experiment.SetTuner((s, seed) => StandardTuners.Create(kind, s, seed, StandardTuners.IsMultiFidelity(kind) || kind == TunerKind.Auto ? budgets : null));
        foreach (var configure in _configure) configure(experiment);

        var run = await experiment.RunAsync(cancellationToken).ConfigureAwait(false);
        var trials = run.Trials.Select(t =>
        {
            var (trainer, own) = space.Read(t.TrialSettings.Parameter);
            var defaults = UsesMlNetDefaults(space, t.TrialSettings.Parameter, t.TrialSettings.Budget);
            var found = validated.TryGetValue(t.TrialSettings.TrialId, out var validation);
            return new PipelineTrial
            {
                TrialId = t.TrialSettings.TrialId,
                Trainer = trainer.Name,
                Parameter = own,
                UsesMlNetDefaults = defaults,
                Budget = t.TrialSettings.Budget,
                Status = t.Status,
                Loss = t.Loss,
                Metric = t.Metric,
                ValidationMetrics = found ? validation.Metrics : new Dictionary<PipelineMetric, double>(),
                FoldLosses = found ? validation.FoldLosses : [],
                DurationInMilliseconds = t.DurationInMilliseconds,
                ExecutionCancelled = cancellation.WasCancelled(t.TrialSettings.TrialId),
                Error = t.Error,
            };
        }).ToList();
        var best = TrialRanking.Best(trials);
        if (best is null || cancellationToken.IsCancellationRequested)
            return Result(prepared, trials, best, null, null, run, run.StopReason, clock.Elapsed);
        var held = predictions.ByTrialId();
        var candidates = trials
            .Where(t => held.ContainsKey(t.TrialId))
            .Select(t => new EnsembleCandidate(t, held[t.TrialId]))
            .ToList();
        var (model, ensemble) = RefitBest(prepared, best, candidates);
        return Result(prepared, trials, best, model, ensemble, run, run.StopReason, clock.Elapsed);
    }

    private double[] LossByFold(TrialEvaluation evaluation) => evaluation.FoldMetrics.Select(f => _metric.ToLoss(f[_metric])).ToArray();

    // The default point at the full budget is ML.NET's default trainer; at a lower budget it is trained as any proposal,
    // so that its boosting iterations follow the budget.
    private static bool UsesMlNetDefaults(PipelineSearchSpace space, Parameter parameter, double? budget) =>
        (budget is null || budget >= FidelityMapping.MaxBudget) && space.IsMlNetDefaultPoint(parameter);

    /// <summary>The baseline the search is measured against: every trainer with ML.NET's default settings, validated
    /// as the search validates, the best refitted on all the training data. Honours the time limit (no trainer starts
    /// after it) and <paramref name="cancellationToken"/>.</summary>
    public Task<PipelineResult> RunMlNetDefaultsAsync(CancellationToken cancellationToken = default) => System.Threading.Tasks.Task.Run(() =>
    {
        var clock = Stopwatch.StartNew();
        var prepared = Prepare();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_timeLimit is { } seconds) limit.CancelAfter(TimeSpan.FromSeconds(seconds));
        var cancellation = new ExecutionCancellation();
        var trials = new List<PipelineTrial>();
        var stop = StopReason.MaxTrials;
        foreach (var trainer in _trainers)
        {
            if (limit.IsCancellationRequested) { stop = cancellationToken.IsCancellationRequested ? StopReason.Cancelled : StopReason.TimeLimit; break; }
            var id = trials.Count;
            var trialContext = new MLContext(seed: unchecked(_seed * 31 + id));
            var started = Stopwatch.StartNew();
            using var watch = cancellation.Watch(id, trialContext, limit.Token);
            var trial = new PipelineTrial { TrialId = id, Trainer = trainer.Name, Parameter = Parameter.CreateNestedParameter(), UsesMlNetDefaults = true, Status = TrialStatus.Succeeded };
            try
            {
                var evaluation = prepared.Evaluator.Evaluate(trialContext, trainer, null, null, recordPredictions: false, limit.Token);
                var values = evaluation.Metrics;
                trial = trial with
                {
                    ValidationMetrics = values, Metric = values[_metric], Loss = _metric.ToLoss(values[_metric]),
                    FoldLosses = LossByFold(evaluation),
                };
            }
            catch (OperationCanceledException e)
            {
                trial = trial with { Status = TrialStatus.Cancelled, Error = e.Message };
            }
            catch (Exception e)
            {
                trial = trial with { Status = TrialStatus.Failed, Error = e.ToString() };
            }
            trials.Add(trial with { DurationInMilliseconds = started.Elapsed.TotalMilliseconds, ExecutionCancelled = cancellation.WasCancelled(id) });
        }
        var best = TrialRanking.Best(trials);
        var refit = best is null || cancellationToken.IsCancellationRequested ? null : Refit(prepared, best);
        return Result(prepared, trials, best, refit, null, null, stop, clock.Elapsed);
    }, CancellationToken.None);

    private sealed record Prepared(TableReader Reader, Table Table, int[] Strata, Featurizer Featurizer, PipelineFitter Fitter,
        PipelineValidation Validation, TrialEvaluator Evaluator, Table? Test);

    private Prepared Prepare()
    {
        var reader = TableReader.Fit(_context, _trainData, Task, _labelColumnName, _positiveClass, _excluded);
        var (table, strata) = reader.Read(_context, _trainData);
        var featurizer = Featurizer.Infer(table, reader.Features, _rules);
        var fitter = new PipelineFitter(featurizer, Task, _labelColumnName);
        var validation = _validation ?? PipelineValidation.DefaultFor(table.RowCount);
        var evaluator = new TrialEvaluator(table, strata, validation, fitter, Task, _labelColumnName, _seed);
        var test = _testData is null ? null : reader.Read(_context, _testData).Table;
        return new Prepared(reader, table, strata, featurizer, fitter, validation, evaluator, test);
    }

    // A trial's configuration at the full budget: all the training rows and all its boosting iterations, whatever the
    // budget it validated at. On letter the full budget validated better than a lower one for 11 of 12 configurations
    // (docs/pipelines.md), and a trial that leads at a low budget is most often a slow learner stopped early.
    private FittedPipeline Refit(Prepared prepared, PipelineTrial trial) =>
        prepared.Fitter.Fit(new MLContext(seed: _seed), _trainers.Single(t => t.Name == trial.Trainer), trial.UsesMlNetDefaults ? null : trial.Parameter,
            prepared.Table, iterationFraction: 1);

    // The best trial's pipeline, or the ensemble when its combiner's cross-validation beats the best trial's loss.
    private (FittedPipeline Model, PipelineEnsemble? Ensemble) RefitBest(Prepared prepared, PipelineTrial best, IReadOnlyList<EnsembleCandidate> candidates)
    {
        var members = _ensembleSize > 1 ? StackedEnsemble.ChooseMembers(candidates, _ensembleSize) : [];
        if (members.Count >= 2)
        {
            var ensemble = new StackedEnsemble(Task, _labelColumnName);
            var context = new MLContext(seed: _seed);
            var (stacked, rows) = ensemble.Stack(prepared.Table, members.Select(m => m.Predictions).ToList());
            var validation = ensemble.CrossValidate(context, stacked, members.Count, rows.Select(r => prepared.Strata[r]).ToArray(), CombinerFolds, _seed);
            if (ValidatesBetter(validation, best))
            {
                var fitted = members.Select(m => Refit(prepared, m.Trial)).ToList();
                var model = ensemble.Assemble(context, fitted, ensemble.Combiner(context, members.Count).Fit(stacked), prepared.Table);
                return (model, new PipelineEnsemble { Members = members.Select(m => m.Trial).ToList(), Combiner = ensemble.CombinerName, ValidationMetrics = validation });
            }
        }
        return (Refit(prepared, best), null);
    }

    // Lower loss; on a tie (accuracy on a small set often ties), the lower log-loss of a classifier, a finer measure of
    // the same predictions.
    private bool ValidatesBetter(IReadOnlyDictionary<PipelineMetric, double> ensemble, PipelineTrial best)
    {
        var loss = _metric.ToLoss(ensemble[_metric]);
        if (loss < best.Loss) return true;
        return loss == best.Loss && Task != PipelineTask.Regression
            && best.ValidationMetrics.TryGetValue(PipelineMetric.LogLoss, out var bestLogLoss) && ensemble[PipelineMetric.LogLoss] < bestLogLoss;
    }

    private PipelineResult Result(Prepared prepared, IReadOnlyList<PipelineTrial> trials, PipelineTrial? best, FittedPipeline? refit,
        PipelineEnsemble? ensemble, ExperimentResult? run, StopReason stop, TimeSpan elapsed)
    {
        var test = refit is not null && prepared.Test is { } testTable
            ? MetricEvaluator.Evaluate(_context, Task, refit.Scorer.Transform(testTable), _labelColumnName)
            : null;
        return new PipelineResult
        {
            Task = Task,
            Metric = _metric,
            Validation = prepared.Validation,
            Model = refit?.Model,
            InputSchema = _trainData.Schema,
            BestTrial = best,
            Ensemble = ensemble,
            Description = refit?.Description,
            TestMetrics = test,
            Featurization = prepared.Featurizer.Plans,
            Trials = trials,
            Experiment = run,
            StopReason = stop,
            Elapsed = elapsed,
        };
    }
}
