namespace Microsoft.ML.NasTuners;

/// <summary>
/// A choice whose every value opens its own sub-space: the parameters of branch B exist only when B is chosen.
/// Inside a <see cref="SearchSpace"/> the branch name is stored under this option's key and the active branch's
/// parameters sit beside it, at the same level (for example <c>{"branch":"B","B_n":100,"B_lr":0.01}</c>).
/// Two branches may reuse a parameter name; a branch parameter may not reuse the name of a sibling option.
/// </summary>
public sealed class ConditionalChoiceOption : OptionBase
{
    /// <summary>The key under which a stand-alone sample stores the chosen branch's name.</summary>
    public const string BranchKey = "$branch";

    private readonly (string Name, SearchSpace Space)[] _branches;

    /// <summary>Creates a conditional choice; the first branch is the default.</summary>
    public ConditionalChoiceOption(params (string Name, SearchSpace Space)[] branches)
        : this(branches, defaultBranch: null)
    {
    }

    /// <summary>Creates a conditional choice.</summary>
    /// <param name="branches">Branch names (distinct, not empty) and the sub-space each one opens (may be empty).</param>
    /// <param name="defaultBranch">The default branch; the first when null.</param>
    public ConditionalChoiceOption(IEnumerable<(string Name, SearchSpace Space)> branches, string? defaultBranch)
    {
        ArgumentNullException.ThrowIfNull(branches);
        _branches = branches.ToArray();
        if (_branches.Length == 0) throw new ArgumentException("A conditional choice needs at least one branch.", nameof(branches));
        for (var i = 0; i < _branches.Length; i++)
        {
            var (name, space) = _branches[i];
            if (string.IsNullOrEmpty(name)) throw new ArgumentException($"Branch {i} has no name.", nameof(branches));
            if (space is null) throw new ArgumentException($"Branch '{name}' has no search space.", nameof(branches));
            if (_branches.Take(i).Any(b => b.Name == name)) throw new ArgumentException($"Branch '{name}' appears more than once.", nameof(branches));
        }
        DefaultIndex = defaultBranch is null ? 0 : Array.FindIndex(_branches, b => b.Name == defaultBranch);
        if (DefaultIndex < 0)
            throw new ArgumentException($"Default branch '{defaultBranch}' is not one of [{string.Join(", ", BranchNames)}].", nameof(defaultBranch));
    }

    /// <summary>The branch names, in order.</summary>
    public IReadOnlyList<string> BranchNames => _branches.Select(b => b.Name).ToArray();

    /// <summary>The sub-space of a branch.</summary>
    public SearchSpace this[string branch] => _branches.FirstOrDefault(b => b.Name == branch).Space
                                              ?? throw new KeyNotFoundException($"No branch '{branch}'. Branches: {string.Join(", ", BranchNames)}.");

    /// <summary>The index of the default branch.</summary>
    public int DefaultIndex { get; }

    internal IReadOnlyList<(string Name, SearchSpace Space)> Branches => _branches;

    /// <summary>One coordinate for the branch, then every branch's coordinates in branch order.</summary>
    public override int FeatureSpaceDim => 1 + _branches.Sum(b => b.Space.FeatureSpaceDim);

    /// <inheritdoc />
    public override double[] Default => [(double)DefaultIndex / _branches.Length, .. _branches.SelectMany(b => b.Space.Default)];

    /// <summary>Samples a branch and its parameters: <c>{"$branch": name, ...branch parameters}</c>.</summary>
    public override Parameter SampleFromFeatureSpace(double[] feature)
    {
        CheckFeature(feature);
        var result = Parameter.CreateNestedParameter();
        SampleInto(feature, result, BranchKey);
        return result;
    }

    /// <summary>Maps <c>{"$branch": name, ...branch parameters}</c>; inactive branches take their default coordinates.</summary>
    public override double[] MappingToFeatureSpace(Parameter parameter) => MapFrom(parameter, BranchKey);

    /// <summary>Writes the branch name under <paramref name="key"/> and the branch's parameters beside it.</summary>
    internal void SampleInto(double[] feature, Parameter container, string key)
    {
        var index = ChoiceOption.IndexAt(feature[0], _branches.Length);
        container[key] = Parameter.FromString(_branches[index].Name);
        var offset = 1 + _branches.Take(index).Sum(b => b.Space.FeatureSpaceDim);
        var space = _branches[index].Space;
        foreach (var (k, v) in space.SampleFromFeatureSpace(feature[offset..(offset + space.FeatureSpaceDim)]))
            container[k] = v;
    }

    /// <summary>Reads the branch name under <paramref name="key"/> and the branch's parameters beside it.</summary>
    internal double[] MapFrom(Parameter container, string key)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (!container.TryGetValue(key, out var selected))
            throw new ArgumentException($"The parameter has no value for the branch selector '{key}'.", nameof(container));
        var name = selected.Type == ParameterType.String ? selected.AsString() : selected.ToString();
        var index = Array.FindIndex(_branches, b => b.Name == name);
        if (index < 0)
            throw new ArgumentException($"'{name}' is not a branch of '{key}'. Branches: {string.Join(", ", BranchNames)}.", nameof(container));
        var result = new List<double> { (double)index / _branches.Length };
        for (var i = 0; i < _branches.Length; i++)
            result.AddRange(i == index ? _branches[i].Space.MappingToFeatureSpace(container) : _branches[i].Space.Default);
        return result.ToArray();
    }

    internal override void AddDimensions(ModelViewBuilder builder, DimensionPlace place, DimensionCondition? condition)
    {
        var selector = builder.Add(new Dimension
        {
            Place = place,
            Kind = DimensionKind.Categorical,
            Lower = 0,
            Upper = _branches.Length - 1,
            DefaultValue = DefaultIndex,
            Choices = _branches.Select(b => Parameter.FromString(b.Name)).ToArray(),
            Condition = condition,
            ValueType = ParameterType.String,
            IsBranchSelector = true,
        });
        for (var i = 0; i < _branches.Length; i++)
        {
            // Branch parameters live in the selector's container: their keys are siblings of the selector.
            _branches[i].Space.AddChildDimensions(builder, place.ContainerPath, $"{place.Name}:{_branches[i].Name}.",
                new DimensionCondition(selector.Index, [i]));
        }
    }
}
