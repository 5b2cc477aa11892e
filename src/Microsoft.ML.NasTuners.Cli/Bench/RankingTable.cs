using System.Globalization;
using Microsoft.ML.NasTuners.Benchmarks;
using Spectre.Console;

namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary>Prints the tuners' overall ranking on stdout, after the summary: the one table that says which did best.</summary>
internal static class RankingTable
{
    /// <summary>The column headers, in order.</summary>
    public static readonly string[] Headers = ["rank", "tuner", "mean rank", "runs", "problems better than random", "problems worse than random"];

    /// <summary>Prints one row per tuner, best first; nothing when fewer than two tuners ran.</summary>
    public static void Print(CliContext context, IReadOnlyList<TunerRank> ranks)
    {
        if (ranks.Count < 2) return;
        var table = new Table();
        if (context.StdoutIsTerminal) table.RoundedBorder();
        else table.MarkdownBorder();
        foreach (var (header, i) in Headers.Select((h, i) => (h, i)))
            table.AddColumn(new TableColumn(new Text(header)) { Alignment = i == 1 ? Justify.Left : Justify.Right });
        foreach (var (rank, position) in ranks.Select((r, i) => (r, i + 1)))
        {
            table.AddRow(
                new Text(position.ToString(CultureInfo.InvariantCulture)), new Text(rank.Tuner),
                new Text(rank.MeanRank.ToString("0.00", CultureInfo.InvariantCulture)),
                new Text(rank.Cells.ToString(CultureInfo.InvariantCulture)),
                new Text(Count(rank.Tuner, rank.BetterThanRandom)), new Text(Count(rank.Tuner, rank.WorseThanRandom)));
        }
        context.Stdout.WriteLine();
        context.Stdout.WriteLine("Ranking: mean rank of the final regret over every (problem, seed), 1 is best");
        Consoles.Write(context.Stdout, context.StdoutIsTerminal, table);
    }

    private static string Count(string tuner, int? count) =>
        tuner == BenchmarkRanking.Baseline || count is not { } n ? "-" : n.ToString(CultureInfo.InvariantCulture);
}
