using System.Globalization;
using Microsoft.ML.NasTuners.Benchmarks;
using Spectre.Console;

namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary>Prints the per-(problem, tuner) summary on stdout.</summary>
internal static class SummaryTable
{
    /// <summary>The column headers, in order.</summary>
    public static readonly string[] Headers =
    [
        "problem", "tuner", "seeds", "median regret", "q25 regret", "q75 regret", "mean propose ms", "full budgets",
        .. BenchmarkStatistics.Checkpoints.Select(k => string.Create(CultureInfo.InvariantCulture, $"regret@{k}")),
    ];

    /// <summary>Prints one row per summary.</summary>
    public static void Print(CliContext context, IReadOnlyList<BenchmarkSummary> summaries)
    {
        var table = new Table();
        if (context.StdoutIsTerminal) table.RoundedBorder();
        else table.MarkdownBorder();
        foreach (var (header, i) in Headers.Select((h, i) => (h, i)))
            table.AddColumn(new TableColumn(new Text(header)) { Alignment = i < 2 ? Justify.Left : Justify.Right });
        foreach (var s in summaries)
        {
            Text[] cells =
            [
                new Text(s.Problem), new Text(s.Tuner), new Text(s.Seeds.ToString(CultureInfo.InvariantCulture)),
                new Text(Regret(s.MedianRegret)), new Text(Regret(s.Q25Regret)), new Text(Regret(s.Q75Regret)),
                new Text(s.MeanProposeMs.ToString("0.000", CultureInfo.InvariantCulture)),
                new Text(s.MedianFullBudgetsSpent.ToString("0.#", CultureInfo.InvariantCulture)),
                .. BenchmarkStatistics.Checkpoints.Select(k => new Text(Regret(s.MedianRegretAt.GetValueOrDefault(k, double.NaN)))),
            ];
            table.AddRow(cells);
        }
        Consoles.Write(context.Stdout, context.StdoutIsTerminal, table);
        var failed = summaries.Sum(s => s.FailedTrials);
        if (failed > 0)
            context.Stderr.WriteLine($"bench: {failed} trial(s) failed; see the 'status' and 'error' fields of the JSON Lines output.");
    }

    // Regrets span many orders of magnitude, so every one is shown in the same scientific form.
    private static string Regret(double value) =>
        double.IsNaN(value) ? "n/a" : double.IsPositiveInfinity(value) ? "inf" : value.ToString("0.000e+00", CultureInfo.InvariantCulture);
}
