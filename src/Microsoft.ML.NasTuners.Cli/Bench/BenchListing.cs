using System.Globalization;
using Microsoft.ML.NasTuners.Benchmarks;
using Spectre.Console;

namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary><c>bench --list</c>: every problem with its dimension, budget and f*, and every tuner.</summary>
internal static class BenchListing
{
    /// <summary>Prints both tables on stdout.</summary>
    public static int Print(CliContext context)
    {
        var problems = NewTable(context, "problem", "dim", "budget", "f*", "description");
        foreach (var name in BenchmarkProblems.Names)
        {
            // Listing needs no data: a problem whose data set is missing is listed with the reason.
            if (BenchmarkProblems.MissingData(name) is { } reason)
            {
                problems.AddRow(new Text(name), new Text("-"), new Text("-"), new Text("-"), new Text($"unavailable: {reason}"));
                continue;
            }
            var p = BenchmarkProblems.Create(name);
            var budget = p.MinBudget is { } lo && p.MaxBudget is { } hi
                ? string.Create(CultureInfo.InvariantCulture, $"{lo}-{hi}")
                : "-";
            problems.AddRow(new Text(p.Name), new Text(p.SearchSpace.ModelView.Count.ToString(CultureInfo.InvariantCulture)), new Text(budget),
                new Text(p.OptimalValue.ToString("G12", CultureInfo.InvariantCulture)), new Text(p.Description));
            (p as IDisposable)?.Dispose();
        }
        var tuners = NewTable(context, "tuner", "description");
        foreach (var t in context.Tuners.Entries)
            tuners.AddRow(new Text(t.Name), new Text(t.Description));

        context.Stdout.WriteLine("Problems");
        Consoles.Write(context.Stdout, context.StdoutIsTerminal, problems);
        context.Stdout.WriteLine();
        context.Stdout.WriteLine("Tuners");
        Consoles.Write(context.Stdout, context.StdoutIsTerminal, tuners);
        return ExitCodes.Success;
    }

    private static Table NewTable(CliContext context, params string[] headers)
    {
        var table = new Table();
        if (context.StdoutIsTerminal) table.RoundedBorder();
        else table.MarkdownBorder();
        foreach (var header in headers)
            table.AddColumn(new TableColumn(new Text(header)));
        return table;
    }
}
