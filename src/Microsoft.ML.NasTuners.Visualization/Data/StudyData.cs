using Microsoft.ML.NasTuners.Pruning;
using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>
/// What the plots and the report read: a study's trials as its store keeps them, with the space they sample (for
/// log scales and choices) and the values trials reported while they ran. Read it from a store
/// (<see cref="FromStore"/>), from a finished run (<see cref="FromResult"/>), or build it from trials of your own.
/// </summary>
public sealed class StudyData
{
    private static readonly IReadOnlyDictionary<int, IReadOnlyList<IntermediateValue>> NoValues =
        new Dictionary<int, IReadOnlyList<IntermediateValue>>();

    /// <summary>A study from its parts.</summary>
    /// <param name="name">The study's name, shown in titles.</param>
    /// <param name="trials">Its trials, in any order (they are kept by id).</param>
    /// <param name="searchSpace">The space the trials sample, or null: parameters are then read from their JSON, every
    /// number on a linear scale.</param>
    /// <param name="intermediateValues">By trial id, the values each trial reported (<see cref="TrialSettings.Report"/>),
    /// or null for those the trials carry (<see cref="StudyTrial.IntermediateValues"/>, as a store reads them back).</param>
    /// <param name="attributes">The study's key-values (tuner, seed, ...), or null.</param>
    public StudyData(string name, IReadOnlyList<StudyTrial> trials, SearchSpace? searchSpace = null,
        IReadOnlyDictionary<int, IReadOnlyList<IntermediateValue>>? intermediateValues = null,
        IReadOnlyDictionary<string, string>? attributes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(trials);
        Name = name;
        Trials = trials.OrderBy(t => t.Id).ToArray();
        SearchSpace = searchSpace;
        IntermediateValues = intermediateValues ?? CurvesOf(Trials);
        Attributes = attributes ?? new Dictionary<string, string>();
    }

    /// <summary>The study's name.</summary>
    public string Name { get; }

    /// <summary>The trials by ascending id.</summary>
    public IReadOnlyList<StudyTrial> Trials { get; }

    /// <summary>The space the trials sample, or null when the study did not record one.</summary>
    public SearchSpace? SearchSpace { get; }

    /// <summary>By trial id, the values the trial reported while it ran; empty when none did.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<IntermediateValue>> IntermediateValues { get; }

    /// <summary>The study's key-values.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>A study of a store, with the space it recorded and the values its trials reported.</summary>
    /// <exception cref="InvalidOperationException">The store has no such study; the message names it and lists the
    /// store's studies.</exception>
    public static StudyData FromStore(ITrialStore store, string study)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(study);
        var info = store.FindStudy(study) ?? throw new InvalidOperationException(
            $"No study '{study}' in the store. Studies: {Known(store)}.");
        var space = info.SearchSpaceJson is { } json ? SearchSpace.FromJson(json) : null;
        return new StudyData(info.Name, store.GetTrials(study), space, attributes: info.Attributes);
    }

    /// <summary>The trials of a finished run, with the values each reported.</summary>
    /// <param name="result">The run's result.</param>
    /// <param name="searchSpace">The space the run sampled, or null.</param>
    /// <param name="name">The name to show.</param>
    public static StudyData FromResult(ExperimentResult result, SearchSpace? searchSpace = null, string name = "experiment")
    {
        ArgumentNullException.ThrowIfNull(result);
        var trials = result.Trials.Select(r => StudyTrial.FromSettings(r.TrialSettings).Finished(r)).ToArray();
        var values = result.Trials
            .Where(r => r.TrialSettings.IntermediateValues.Count > 0)
            .ToDictionary(r => r.TrialSettings.TrialId, r => r.TrialSettings.IntermediateValues);
        return new StudyData(name, trials, searchSpace, values);
    }

    private static IReadOnlyDictionary<int, IReadOnlyList<IntermediateValue>> CurvesOf(IReadOnlyList<StudyTrial> trials)
    {
        var curves = trials.Where(t => t.IntermediateValues.Count > 0).ToDictionary(t => t.Id, t => t.IntermediateValues);
        return curves.Count == 0 ? NoValues : curves;
    }

    private static string Known(ITrialStore store)
    {
        var names = store.ListStudies().Select(s => s.Name).ToArray();
        return names.Length == 0 ? "none" : string.Join(", ", names.Take(10)) + (names.Length > 10 ? ", ..." : "");
    }
}
