using System.Globalization;

namespace Microsoft.ML.NasTuners.Cli.Worker;

/// <summary>
/// How long a worker makes each trial of a benchmark problem take: <c>100</c> for 100 ms, <c>50-200</c> for a time
/// drawn uniformly between 50 and 200 ms. The draw is seeded by the study's seed and the trial's number, so a trial
/// takes the same time whichever worker runs it.
/// </summary>
internal sealed record TrialDelay(int MinMs, int MaxMs)
{
    public static readonly TrialDelay None = new(0, 0);

    public static TrialDelay Parse(string text)
    {
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 1 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var fixedMs))
            return new TrialDelay(fixedMs, fixedMs);
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max) && min <= max)
            return new TrialDelay(min, max);
        throw new ArgumentException($"--trial-delay-ms takes milliseconds (100) or a range (50-200), not '{text}'.");
    }

    public int For(int seed, int trialId) =>
        MinMs == MaxMs ? MinMs : new Random(HashCode.Combine(seed, trialId)).Next(MinMs, MaxMs + 1);
}
