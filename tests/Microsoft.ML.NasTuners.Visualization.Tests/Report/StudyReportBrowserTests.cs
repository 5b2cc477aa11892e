namespace Microsoft.ML.NasTuners.Visualization.Tests.Report;

/// <summary>The report of a 100-trial study opened in a real browser (headless Chromium, with no network): it loads
/// without a console error, every image decodes, and it asks for nothing but itself and its inline images.</summary>
public sealed class StudyReportBrowserTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nas-report-browser-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [BrowserFact]
    public async Task The_report_of_a_100_trial_study_opens_offline_with_no_error_and_every_image_decoded()
    {
        var result = await Studies.RunPrunedAsync(Path.Combine(_folder, "s.db"), trials: 100);
        var page = Path.Combine(_folder, "report.html");
        StudyReport.Write(StudyData.FromResult(result, Studies.Space, "pruned"), page);

        var visit = await PageVisit.OpenAsync(page);

        visit.Problems.Should().BeEmpty();
        visit.Images.Select(i => i.Alt).Should().Contain(["Optimisation history", "Parallel coordinates", "Parameter importance",
            "Slice: lr", "Intermediate values", "Proposal time"]);
        visit.Images.Should().OnlyContain(i => i.Complete && i.Decoded && i.NaturalWidth == 900 && i.NaturalHeight == 560);
        visit.RequestedUrls.Should().OnlyContain(u => u.StartsWith("file://") || u.StartsWith("data:image/png"));
        visit.RequestedUrls.Should().Contain(u => u.StartsWith("file://"), "the page itself was loaded");
        Pngs.Decode(visit.Screenshot).Width.Should().Be(1280);
        visit.PageHeight.Should().BeGreaterThan(100 * 15, "the trial table alone has 100 rows");
        Pngs.Colours(visit.Screenshot).Should().BeGreaterThan(100, "the screenshot shows the plots");
        File.WriteAllBytes(Path.Combine(_folder, "report.png"), visit.Screenshot);
    }

    [BrowserFact]
    public async Task A_page_that_loads_an_image_from_the_network_is_caught()
    {
        // The check itself must be able to fail: a page with an external image and a script error.
        var page = Path.Combine(_folder, "bad.html");
        File.WriteAllText(page, """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>bad</title></head>
            <body><img src="http://example.invalid/plot.png" alt="remote"><script>console.error("broken");</script></body></html>
            """);

        var visit = await PageVisit.OpenAsync(page);

        visit.RequestedUrls.Should().Contain("http://example.invalid/plot.png");
        visit.Images.Should().ContainSingle().Which.Decoded.Should().BeFalse();
        visit.Problems.Should().Contain(p => p.Contains("broken")).And.Contain(p => p.StartsWith("load failed"));
    }
}
