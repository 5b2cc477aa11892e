using System.Globalization;
using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>
/// A study as one self-contained HTML page: its attributes and trial counts, the best trial, every plot of
/// <see cref="StudyPlots"/>, the parameter importance table and the trial table. Images are inline (base64 data
/// URIs) and the style is inline; the page has no script and loads nothing, and its content security policy forbids
/// it to, so it opens offline, from a mail attachment or an artefact store alike.
/// </summary>
public static class StudyReport
{
    /// <summary>The report's HTML.</summary>
    /// <param name="study">The study.</param>
    /// <param name="seed">Seeds the parameter importance (<see cref="ParameterImportance.Compute"/>).</param>
    public static string ToHtml(StudyData study, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(study);
        var importance = ParameterImportance.Compute(study, seed);
        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<title>").Text($"Study {study.Name}").Raw("</title>\n")
            .Raw("<style>").Raw(StudyReportStyle.Css).Raw("</style>\n</head>\n<body>\n");
        html.Element("h1", $"Study {study.Name}");
        Summary(html, study);
        Best(html, study);
        html.Element("h2", "Plots");
        foreach (var figure in StudyFigures.All(study, importance))
        {
            html.Raw("<figure>\n");
            html.Image(figure.Png(), figure.Title, PlotStyle.Width, PlotStyle.Height);
            html.Raw("\n<figcaption>").Raw("<strong>").Text(figure.Title).Raw("</strong>: ").Text(figure.Caption).Raw("</figcaption>\n</figure>\n");
            figure.Plot.Dispose(); // a plot holds native drawing resources; its PNG is all the page needs
        }
        Importance(html, importance, StudyTrials.AtFullBudget(study).Length);
        Trials(html, study);
        html.Raw("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes the report to <paramref name="path"/> (its folder is created).</summary>
    public static void Write(StudyData study, string path, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        var html = ToHtml(study, seed);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
        File.WriteAllText(path, html);
    }

    private static void Summary(HtmlWriter html, StudyData study)
    {
        var counts = study.Trials.GroupBy(t => t.Status).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        html.Element("p", $"{study.Trials.Count} trials: {string.Join(", ", counts)}.", "summary");
        if (study.Attributes.Count > 0)
            html.Table(["attribute", "value"], study.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => (IReadOnlyList<string>)[a.Key, a.Value]), "attributes");
    }

    private static void Best(HtmlWriter html, StudyData study)
    {
        html.Element("h2", "Best trial");
        if (StudyTrials.Best(study) is not { } best)
        {
            html.Element("p", "No trial has succeeded yet.");
            return;
        }
        var budget = best.Budget is { } b ? $" at budget {Numbers.Short(b)}" : "";
        html.Element("p", $"Trial {best.Id}: loss {Numbers.Short(best.Loss)}{budget}.", "best");
        var columns = ParameterColumns.Of(study, [best]);
        html.Table(["parameter", "value"], columns.Where(c => !double.IsNaN(c.Values[0])).Select(c => (IReadOnlyList<string>)[c.Name, c.Format(c.Values[0])]), "best");
        html.Raw("<pre>").Text(best.Parameter.ToString()).Raw("</pre>\n");
    }

    private static void Importance(HtmlWriter html, IReadOnlyList<ParameterImportanceScore> scores, int trials)
    {
        html.Element("h2", "Parameter importance");
        if (scores.Count == 0)
        {
            html.Element("p", $"Needs at least {ParameterImportance.MinTrials} succeeded trials at the study's largest budget.");
            return;
        }
        html.Element("p", $"Permutation importance on a random forest of {ParameterImportance.TreeCount} trees, from the {trials} succeeded trials at the study's largest budget, {ParameterImportance.Folds}-fold: the increase of the held-out mean squared error when a parameter's values are shuffled ({ParameterImportance.Repeats} shuffles per fold), and its share of the total.");
        html.Table(["parameter", "share", "error increase"],
            scores.Select(s => (IReadOnlyList<string>)[s.Parameter, s.Share.ToString("P1", CultureInfo.InvariantCulture), Numbers.Short(s.ErrorIncrease)]), "importance");
    }

    private static void Trials(HtmlWriter html, StudyData study)
    {
        html.Element("h2", "Trials");
        var columns = ParameterColumns.Of(study, study.Trials);
        var header = new List<string> { "id", "status", "loss", "metric", "budget", "ms" };
        header.AddRange(columns.Select(c => c.Name));
        header.Add("error");
        var rows = study.Trials.Select((t, r) =>
        {
            var row = new List<string> { t.Id.ToString(CultureInfo.InvariantCulture), t.Status.ToString(), Numbers.Short(t.Loss),
                Numbers.Short(t.Metric), Numbers.Short(t.Budget), t.DurationMs.ToString("0", CultureInfo.InvariantCulture) };
            row.AddRange(columns.Select(c => c.Format(c.Values[r])));
            row.Add(t.Error ?? "");
            return (IReadOnlyList<string>)row;
        });
        html.Table(header, rows, "trials");
    }
}
