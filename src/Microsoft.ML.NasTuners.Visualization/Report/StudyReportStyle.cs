namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>The report's style sheet, inline in its page: system fonts only, so nothing is fetched.</summary>
internal static class StudyReportStyle
{
    public const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #222; }
        h1 { font-size: 1.6rem; margin-bottom: 0.3rem; }
        h2 { font-size: 1.25rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; margin-top: 2rem; }
        table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }
        th, td { border: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; position: sticky; top: 0; }
        table.trials td { white-space: nowrap; }
        table.trials td:last-child { white-space: normal; max-width: 24rem; }
        figure { display: inline-block; margin: 0.5rem; vertical-align: top; }
        figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { font-size: 0.85rem; max-width: 900px; }
        pre { background: #f7f7f7; padding: 0.5rem; overflow-x: auto; font-size: 0.8rem; }
        p.best { font-weight: 600; }
        """;
}
