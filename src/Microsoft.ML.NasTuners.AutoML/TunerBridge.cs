using Microsoft.Extensions.Logging;

namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>
/// What the AutoML-facing tuner does: proposals from our tuner, translated to AutoML parameters; AutoML results,
/// recorded in a <see cref="TrialHistory"/> under AutoML's trial id and passed to our tuner. AutoML does not survive a
/// throwing <c>Propose</c> (the run ends) and reruns a trial whose <c>Update</c> threw as failed, so neither ever
/// throws: an error of our tuner is logged, and a proposal it could not make is a random point of the space.
/// </summary>
internal sealed class TunerBridge
{
    private readonly ITuner _tuner;
    private readonly ExperimentTranslation _space;
    private readonly ILogger _logger;
    private readonly Random _fallback;
    private readonly object _gate = new();

    public TunerBridge(ITuner tuner, ExperimentTranslation space, ILogger logger, int seed)
    {
        _tuner = tuner;
        _space = space;
        _logger = logger;
        _fallback = new Random(seed);
    }

    /// <summary>Every trial the bridge proposed, and how AutoML said it ended.</summary>
    public TrialHistory History { get; } = new();

    /// <summary>The tuner behind the bridge.</summary>
    public ITuner Tuner => _tuner;

    /// <summary>How many errors of our tuner the bridge caught (logged and worked around).</summary>
    public int TunerErrors { get; private set; }

    /// <summary>AutoML's <c>ITuner.Propose</c>: the AutoML parameter for the trial <paramref name="autoMLSettings"/>.</summary>
    public object Propose(object autoMLSettings)
    {
        lock (_gate)
        {
            var settings = new TrialSettings
            {
                TrialId = AutoMLContract.TrialIdOf(autoMLSettings),
                StartedAtUtc = AutoMLContract.StartedAtOf(autoMLSettings),
            };
            var proposal = ProposeOrFallBack(settings);
            // A second proposal under one id (an AutoML loop we do not know) keeps the first record.
            if (History[settings.TrialId] is null) History.Start(settings);
            return proposal;
        }
    }

    /// <summary>AutoML's <c>ITuner.Update</c>. A loss AutoML could not compute (<see cref="double.MaxValue"/>, its
    /// failed trial, or NaN and infinities) makes a failed trial, as <see cref="TrialStatusRules"/> reads it; a
    /// result for a trial the bridge did not propose, or already has, is ignored.</summary>
    public void Update(object autoMLResult)
    {
        lock (_gate)
        {
            try
            {
                var id = AutoMLContract.TrialIdOf(AutoMLContract.TrialSettingsOf(autoMLResult));
                if (History[id] is not { Result: null } trial)
                {
                    _logger.LogDebug("AutoML reported trial {TrialId}, which is not pending here; ignored.", id);
                    return;
                }
                var result = ResultOf(trial.Settings, AutoMLContract.LossOf(autoMLResult), AutoMLContract.DurationOf(autoMLResult));
                trial.Settings.EndedAtUtc = DateTime.UtcNow;
                try
                {
                    _tuner.Update(result);
                }
                catch (Exception e)
                {
                    TunerErrors++;
                    _logger.LogWarning(e, "The tuner failed to learn trial {TrialId}; the run goes on without it.", id);
                }
                History.Finish(result);
            }
            catch (Exception e) when (e is ArgumentException or InvalidCastException or NotSupportedException or InvalidOperationException)
            {
                _logger.LogWarning(e, "An AutoML trial result could not be read; ignored.");
            }
        }
    }

    private static TrialResult ResultOf(TrialSettings settings, double loss, double duration)
    {
        var reported = new TrialResult
        {
            TrialSettings = settings,
            Loss = loss,
            DurationInMilliseconds = duration,
            SpentBudget = settings.Budget,
        };
        return TrialStatusRules.IsModelled(reported)
            ? reported
            : new TrialResult
            {
                TrialSettings = settings,
                Loss = loss,
                DurationInMilliseconds = duration,
                SpentBudget = settings.Budget,
                Status = TrialStatus.Failed,
                Error = $"AutoML reported no usable loss ({loss}): the trial failed or its metric could not be computed.",
            };
    }

    // The AutoML parameter of the tuner's proposal; of a random point when the tuner throws or proposes what the
    // space cannot hold (a choice it does not have).
    private object ProposeOrFallBack(TrialSettings settings)
    {
        try
        {
            settings.Parameter = _tuner.Propose(settings);
            return ToAutoML(settings);
        }
        catch (Exception e)
        {
            TunerErrors++;
            _logger.LogWarning(e, "The tuner failed to propose trial {TrialId}; a random point of the space is tried instead.", settings.TrialId);
            var feature = new double[_space.Ours.FeatureSpaceDim];
            for (var i = 0; i < feature.Length; i++) feature[i] = _fallback.NextDouble();
            settings.Parameter = _space.Ours.SampleFromFeatureSpace(feature);
            settings.Budget = null;
            return ToAutoML(settings);
        }
    }

    // A trial without a budget (a single-fidelity tuner's) trains on the whole training set.
    private object ToAutoML(TrialSettings settings) =>
        _space.ToAutoML(settings.Parameter, settings.Budget ?? _space.SubSampling?.MaxRatio ?? 1);
}
