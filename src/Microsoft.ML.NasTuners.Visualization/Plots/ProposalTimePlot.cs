using ScottPlot;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>
/// The time from one trial's end to the next one's start against the trial number, on a log scale. A stored trial
/// carries no proposal time of its own, but its start is written after the tuner proposed it, so in a study whose
/// trials ran one at a time this gap is the tuner's proposal plus the store's writes: how a model's cost grows with
/// the history it fits. Trials that overlapped (parallel workers) have no such gap, so the plot is not drawn for
/// them; a gap where a study lay idle before it was resumed shows as an outlier.
/// </summary>
internal static class ProposalTimePlot
{
    public static Plot? Create(StudyData study)
    {
        var gaps = Gaps(study);
        if (gaps is null || gaps.Count == 0) return null;
        var plot = new Plot();
        var line = plot.Add.Scatter(gaps.Select(g => (double)g.Id).ToArray(), gaps.Select(g => Math.Log10(Math.Max(g.Ms, 1e-3))).ToArray());
        line.Color = PlotStyle.ColorOf(2);
        line.LineWidth = 1.5f;
        line.MarkerSize = 4;
        PlotStyle.LogLeftAxis(plot);
        plot.Title($"{study.Name}: time from the previous trial's end to this trial's start (proposal)");
        plot.XLabel("trial");
        plot.YLabel("milliseconds (log scale)");
        return plot;
    }

    /// <summary>Per trial after the first, the gap in milliseconds; null when trials overlapped or one has no end.</summary>
    internal static IReadOnlyList<(int Id, double Ms)>? Gaps(StudyData study)
    {
        var trials = study.Trials.OrderBy(t => t.StartedAtUtc).ThenBy(t => t.Id).ToArray();
        var gaps = new List<(int, double)>();
        for (var i = 1; i < trials.Length; i++)
        {
            if (trials[i - 1].EndedAtUtc is not { } previousEnd) return null;
            var gap = (trials[i].StartedAtUtc - previousEnd).TotalMilliseconds;
            if (gap < 0) return null;
            gaps.Add((trials[i].Id, gap));
        }
        return gaps;
    }
}
