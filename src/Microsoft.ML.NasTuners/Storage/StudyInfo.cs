using System.Collections.ObjectModel;

namespace Microsoft.ML.NasTuners.Storage;

/// <summary>
/// A named study: the trials of one search, kept in a store so that it can be resumed, shared between processes and
/// read back later. How many trials it holds in each state is not stored; read it from <see cref="ITrialStore.GetTrials"/>.
/// </summary>
public sealed record StudyInfo
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    private readonly IReadOnlyDictionary<string, string> _attributes = NoAttributes;

    /// <summary>Describes a study.</summary>
    public StudyInfo(string name, DateTime createdAtUtc, string? searchSpaceJson = null,
        IReadOnlyDictionary<string, string>? attributes = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        CreatedAtUtc = createdAtUtc;
        SearchSpaceJson = searchSpaceJson;
        Attributes = attributes ?? NoAttributes;
    }

    /// <summary>The study's name, unique within its store.</summary>
    public string Name { get; init; }

    /// <summary>When the study was created.</summary>
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>The search space the study samples (<see cref="SearchSpace.ToJson"/>), when one was given; it lets a
    /// resumed run check it searches the same space.</summary>
    public string? SearchSpaceJson { get; init; }

    /// <summary>Key-values a user or tuner records with the study, for example <c>tuner=tpe</c> or <c>seed=1</c>.</summary>
    public IReadOnlyDictionary<string, string> Attributes
    {
        get => _attributes;
        // A copy, so that the caller's dictionary changing later does not change the description.
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var copy = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, text) in value)
                copy.Add(key, text);
            _attributes = new ReadOnlyDictionary<string, string>(copy);
        }
    }

    /// <summary>Equal when every field is, attributes compared by content (a description read back from a store is
    /// then equal to the one written).</summary>
    public bool Equals(StudyInfo? other) =>
        other is not null &&
        string.Equals(Name, other.Name, StringComparison.Ordinal) &&
        CreatedAtUtc == other.CreatedAtUtc &&
        string.Equals(SearchSpaceJson, other.SearchSpaceJson, StringComparison.Ordinal) &&
        Attributes.Count == other.Attributes.Count &&
        Attributes.All(kv => other.Attributes.TryGetValue(kv.Key, out var v) && string.Equals(kv.Value, v, StringComparison.Ordinal));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Name), CreatedAtUtc, Attributes.Count);
}
