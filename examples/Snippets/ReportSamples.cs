using Microsoft.ML.NasTuners.Visualization;

namespace Snippets;

/// <summary>The C# samples of docs/report.md.</summary>
public static class ReportSamples
{
    [Snippet("docs/report.md", "report-api")]
    public static void Report()
    {
        var folder = Directory.CreateTempSubdirectory("snippet-report-").FullName;
        Directory.SetCurrentDirectory(folder);
        #region snippet:report-api
        using var store = new SqliteTrialStore("studies.db");
        var study = StudyData.FromStore(store, "lgbm-breast-cancer");   // or StudyData.FromResult(result, space, "name")
        StudyPlots.WriteAll(study, "plots");           // optimization-history.png, parallel-coordinates.png, slice-*.png, ...
        StudyReport.Write(study, "report.html");        // one page, nothing beside it
        foreach (var score in ParameterImportance.Compute(study, seed: 1))
            Console.WriteLine($"{score.Parameter}: {score.Share:P1}");
        #endregion
    }
}
