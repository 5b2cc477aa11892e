using System.Globalization;

namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary>Parses seed lists such as <c>7</c>, <c>1-20</c>, <c>1,3,5</c> and mixtures (<c>1-5,9,20-22</c>).</summary>
internal static class SeedListParser
{
    /// <summary>The most seeds one list may name; more is almost surely a typo (<c>1-100000000</c>).</summary>
    public const int MaxSeeds = 100_000;

    /// <summary>The distinct seeds of <paramref name="text"/>, ascending.</summary>
    /// <exception cref="FormatException">The text is not a seed list; the message says which part and why.</exception>
    public static IReadOnlyList<int> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new FormatException("the seed list is empty (expected for example 1-20, 1,3,5 or 7).");
        var seeds = new SortedSet<int>();
        foreach (var raw in text.Split(','))
        {
            var item = raw.Trim();
            if (item.Length == 0)
                throw new FormatException($"'{text}' has an empty item (expected for example 1-20, 1,3,5 or 7).");
            var dash = item.IndexOf('-', 1);
            if (item.StartsWith('-'))
                throw new FormatException($"'{item}' is not a seed: seeds are whole numbers from 0 to {int.MaxValue}.");
            if (dash < 0)
            {
                seeds.Add(ParseSeed(item, item));
                continue;
            }
            var start = ParseSeed(item[..dash].Trim(), item);
            var end = ParseSeed(item[(dash + 1)..].Trim(), item);
            if (start > end)
                throw new FormatException($"'{item}' is not a valid range: the first seed must not exceed the last (did you mean {end}-{start}?).");
            if ((long)end - start + 1 + seeds.Count > MaxSeeds)
                throw new FormatException($"'{text}' names more than {MaxSeeds} seeds.");
            for (var seed = start; ; seed++)
            {
                seeds.Add(seed);
                if (seed == end) break; // avoids overflow when end is int.MaxValue
            }
        }
        if (seeds.Count > MaxSeeds)
            throw new FormatException($"'{text}' names more than {MaxSeeds} seeds.");
        return seeds.ToArray();
    }

    private static int ParseSeed(string text, string item) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new FormatException($"'{item}' is not a seed or a range of seeds: seeds are whole numbers from 0 to {int.MaxValue} (ranges like 1-20).");
}
