using System.Reflection;
using Microsoft.ML.SearchSpace;

namespace Microsoft.ML.AutoML;

/// <summary>
/// The twin of AutoML's experiment, cut down to its tuner contract: trials run one after another (Propose, run,
/// Update); a runner that throws is a failed trial, told to the tuner as <c>Loss = double.MaxValue</c>; an
/// <c>Update</c> that throws makes the trial failed and is called again with <c>double.MaxValue</c>; a throwing
/// <c>Propose</c> ends the run. The last tuner set wins.
/// </summary>
public class AutoMLExperiment
{
    public const string PipelineSearchspaceName = "_pipeline_";

    private readonly MLContext _context;
    private readonly AutoMLExperimentSettings _settings;
    private Func<IServiceProvider, ITuner>? _tuner;
    private ITrialRunner? _runner;
    private int _maxModels = 100;

    public AutoMLExperiment(MLContext context, AutoMLExperimentSettings settings)
    {
        _context = context;
        _settings = settings;
        _settings.SearchSpace ??= new SearchSpace.SearchSpace();
    }

    public AutoMLExperiment SetTuner<TTuner>(TTuner proposer)
        where TTuner : class, ITuner
    {
        _tuner = _ => proposer;
        return this;
    }

    public AutoMLExperiment SetTuner<TTuner>()
        where TTuner : class, ITuner
    {
        _tuner = services => (TTuner)Construct(typeof(TTuner), services);
        return this;
    }

    public AutoMLExperiment SetTuner<TTuner>(Func<IServiceProvider, TTuner> factory)
        where TTuner : class, ITuner
    {
        _tuner = factory;
        return this;
    }

    public AutoMLExperiment AddSearchSpace(string key, SearchSpace.SearchSpace searchSpace)
    {
        _settings.SearchSpace[key] = searchSpace;
        return this;
    }

    public AutoMLExperiment SetMaxModelToExplore(int maxModel)
    {
        _maxModels = maxModel;
        return this;
    }

    public AutoMLExperiment SetTrialRunner<TTrialRunner>(TTrialRunner runner)
        where TTrialRunner : class, ITrialRunner
    {
        _runner = runner;
        return this;
    }

    public async Task<TrialResult> RunAsync(CancellationToken ct = default)
    {
        var services = new Services(_context, _settings);
        var tuner = (_tuner ?? throw new InvalidOperationException("no tuner")).Invoke(services);
        var runner = _runner ?? throw new InvalidOperationException("no trial runner");
        TrialResult? best = null;
        for (var id = 0; id < _maxModels; id++)
        {
            var settings = new TrialSettings { TrialId = id, StartedAtUtc = DateTime.UtcNow };
            settings.Parameter = tuner.Propose(settings);
            TrialResult result;
            try
            {
                result = await runner.RunAsync(settings, ct);
            }
            catch (Exception) when (id > 0)
            {
                Fail(tuner, settings);
                continue;
            }
            catch (Exception)
            {
                Fail(tuner, settings);
                throw;
            }
            try
            {
                tuner.Update(result);
            }
            catch (Exception)
            {
                Fail(tuner, settings);
                continue;
            }
            if (best is null || result.Loss < best.Loss) best = result;
        }
        return best ?? throw new TimeoutException("no trial completed");
    }

    private static void Fail(ITuner tuner, TrialSettings settings)
    {
        settings.EndedAtUtc = DateTime.UtcNow;
        tuner.Update(new TrialResult { TrialSettings = settings, Loss = double.MaxValue });
    }

    // A stand-in for dependency injection: the constructor whose parameters the services all resolve.
    private static object Construct(Type type, IServiceProvider services)
    {
        foreach (var constructor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length))
        {
            var arguments = constructor.GetParameters().Select(p => services.GetService(p.ParameterType)).ToArray();
            if (arguments.All(a => a is not null)) return constructor.Invoke(arguments);
        }
        throw new InvalidOperationException($"cannot construct {type}");
    }

    public class AutoMLExperimentSettings : ExperimentSettings
    {
        public int? Seed { get; set; }

        public SearchSpace.SearchSpace SearchSpace { get; set; } = null!;
    }

    private sealed class Services(MLContext context, AutoMLExperimentSettings settings) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(AutoMLExperimentSettings) ? settings
            : serviceType == typeof(MLContext) ? context
            : null;
    }
}
