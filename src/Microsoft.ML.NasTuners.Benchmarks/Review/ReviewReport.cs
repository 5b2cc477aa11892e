namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>Writes the review's report into a folder: <c>README.md</c> and the plots under <c>plots/</c> (per
/// condition the regret curve of each problem, the mean rank over budget, the rank-test diagram and the proposal
/// time).</summary>
public static class ReviewReport
{
    /// <summary>Analyses every condition and writes the report.</summary>
    /// <param name="folder">The output folder (created if needed).</param>
    /// <param name="header">The command, wall time and notes.</param>
    /// <param name="conditions">The results of the conditions that have any.</param>
    /// <returns>The files written: the README first, then the plots.</returns>
    public static IReadOnlyList<string> Write(string folder, ReviewHeader header, IReadOnlyList<ConditionResults> conditions)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(conditions);
        var plotFolder = Path.Combine(folder, "plots");
        Directory.CreateDirectory(plotFolder);
        var analysed = conditions.Where(c => c.Runs.Count > 0).Select(c => (Results: c, Analyses: ConditionAnalysis.Analyse(c))).ToArray();
        var plots = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var written = new List<string>();
        foreach (var (results, analyses) in analysed)
        {
            var name = results.Condition.Name;
            var files = new List<string>();
            foreach (var problem in results.Problems)
                files.Add(RegretCurvePlot.Write(results, problem, Path.Combine(plotFolder, $"{name}_regret_{problem}.png")));
            files.Add(MeanRankPlot.Write(results, analyses, Path.Combine(plotFolder, $"{name}_mean_rank.png")));
            files.Add(RankTestPlot.Write(results, analyses[^1], Path.Combine(plotFolder, $"{name}_rank_test.png")));
            files.Add(ProposalTimePlot.Write(results, Path.Combine(plotFolder, $"{name}_propose_ms.png")));
            plots[name] = files.Select(f => "plots/" + Path.GetFileName(f)).ToArray();
            written.AddRange(files);
        }
        var readme = Path.Combine(folder, "README.md");
        File.WriteAllText(readme, ReviewReadme.Write(header, analysed, plots));
        return [readme, .. written];
    }
}
