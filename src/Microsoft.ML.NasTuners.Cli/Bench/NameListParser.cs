namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary>Parses lists of names given as repeated options and/or comma-separated values.</summary>
internal static class NameListParser
{
    /// <summary>The word that stands for every valid name.</summary>
    public const string All = "all";

    /// <summary>The distinct names in <paramref name="values"/>, in order of first mention; <c>all</c> expands to every
    /// valid name.</summary>
    /// <param name="values">The option's values, each possibly comma-separated.</param>
    /// <param name="kind">What the names are, for messages: "problem", "tuner".</param>
    /// <param name="option">The option, for messages: "--problem".</param>
    /// <param name="valid">The valid names.</param>
    /// <exception cref="UsageException">No name, an empty item or an unknown name; the message lists the valid names.</exception>
    public static IReadOnlyList<string> Parse(IEnumerable<string>? values, string kind, string option, IReadOnlyList<string> valid)
    {
        var result = new List<string>();
        foreach (var value in values ?? [])
        {
            foreach (var raw in value.Split(','))
            {
                var name = raw.Trim();
                if (name.Length == 0)
                    throw new UsageException($"{option} has an empty {kind} name in '{value}'. Valid {kind}s: {string.Join(", ", valid)}.");
                var names = name == All ? valid : valid.Contains(name)
                    ? [name]
                    : throw new UsageException($"Unknown {kind} '{name}'. Valid {kind}s: {string.Join(", ", valid)} (or '{All}').");
                foreach (var n in names)
                {
                    if (!result.Contains(n)) result.Add(n);
                }
            }
        }
        if (result.Count == 0)
            throw new UsageException($"Missing {option}: name at least one {kind}. Valid {kind}s: {string.Join(", ", valid)} (or '{All}').");
        return result;
    }

    /// <summary>The names in <paramref name="values"/> that were written out rather than reached through
    /// <c>all</c>: a user who names a problem wants it run or an error, while <c>all</c> means what can run here.</summary>
    public static IReadOnlySet<string> NamedExplicitly(IEnumerable<string>? values) =>
        (values ?? []).SelectMany(v => v.Split(',')).Select(n => n.Trim()).Where(n => n.Length > 0 && n != All).ToHashSet();
}
