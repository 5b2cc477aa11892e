using Microsoft.ML.NasTuners.Pipelines.Trainers;

namespace Microsoft.ML.NasTuners.Pipelines.Running;

/// <summary>
/// The space a tuner searches: a conditional choice <c>trainer</c> whose branch is a trainer and opens that trainer's
/// hyper-parameters, each prefixed by the trainer's name (<c>{"trainer":"LightGbm","LightGbm_NumberOfLeaves":31,...}</c>)
/// so no two trainers' options meet in one flat parameter.
/// </summary>
internal sealed class PipelineSearchSpace
{
    public const string TrainerKey = "trainer";

    private readonly Dictionary<string, PipelineTrainer> _trainers;

    private readonly HashSet<string> _mlNetDefaultPoints;

    public PipelineSearchSpace(IReadOnlyList<PipelineTrainer> trainers)
    {
        if (trainers.Count == 0) throw new ArgumentException("The search needs at least one trainer.", nameof(trainers));
        _trainers = trainers.ToDictionary(t => t.Name);
        var branches = trainers.Select(t =>
            (t.Name, new SearchSpace(t.SearchSpace.Select(kv => KeyValuePair.Create(Prefix(t.Name) + kv.Key, kv.Value))))).ToArray();
        Space = new SearchSpace { [TrainerKey] = new ConditionalChoiceOption(branches) };
        DefaultPoints = branches
            .Select(b => new SearchSpace { [TrainerKey] = new ConditionalChoiceOption(branches, defaultBranch: b.Name) }.SampleDefault())
            .ToArray();
        _mlNetDefaultPoints = trainers.Zip(DefaultPoints).Where(pair => pair.First.DefaultPointIsMlNetDefaults)
            .Select(pair => pair.Second.ToString()).ToHashSet(StringComparer.Ordinal);
    }

    public SearchSpace Space { get; }

    /// <summary>Each trainer's default point (its options at ML.NET's defaults), in the trainers' order: the first trials
    /// of a search that starts where ML.NET's default settings end.</summary>
    public IReadOnlyList<Parameter> DefaultPoints { get; }

    /// <summary>True when <paramref name="proposal"/> is the default point of a trainer whose default point stands for
    /// ML.NET's defaults (<see cref="PipelineTrainer.DefaultPointIsMlNetDefaults"/>). It is then trained by the
    /// trainer's defaults factory: a space can only approximate what ML.NET chooses by itself (SDCA's regularisation is
    /// chosen from the data, LightGbm leaves some options unset).</summary>
    public bool IsMlNetDefaultPoint(Parameter proposal) => _mlNetDefaultPoints.Contains(proposal.ToString());

    /// <summary>The trainer a proposal chose and its own hyper-parameters, without the prefix.</summary>
    public (PipelineTrainer Trainer, Parameter Parameter) Read(Parameter proposal)
    {
        var name = proposal[TrainerKey].AsString();
        if (!_trainers.TryGetValue(name, out var trainer))
            throw new InvalidOperationException($"The proposal chose trainer '{name}', which is not searched ({string.Join(", ", _trainers.Keys)}).");
        var prefix = Prefix(name);
        var own = Parameter.CreateNestedParameter();
        foreach (var (key, value) in proposal)
            if (key.StartsWith(prefix, StringComparison.Ordinal)) own[key[prefix.Length..]] = value;
        return (trainer, own);
    }

    private static string Prefix(string trainer) => trainer + "_";
}
