using Microsoft.ML.NasTuners.Visualization.Tests;
using Microsoft.ML.NasTuners.Visualization.Tests.Report;

namespace Microsoft.ML.NasTuners.Cli.Tests;

/// <summary><c>nas-tuners study report</c>: a 100-trial study run by <c>study run</c> becomes one HTML page with every
/// plot inline, and a missing store or study is a one-line error.</summary>
public sealed class StudyReportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nas-study-report-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_report_of_a_100_trial_multi_fidelity_study_has_every_plot_as_an_inline_png_and_nothing_external()
    {
        var storage = Path.Combine(_folder, "s.db");
        var run = CliRun.Of("study", "run", "--storage", storage, "--study", "mf", "--problem", "mf_hartmann6", "--tuner", "bohb", "--trials", "100");
        run.ExitCode.Should().Be(0, run.Stderr);
        var output = Path.Combine(_folder, "out", "report.html");

        var report = CliRun.Of("study", "report", "--storage", storage, "--study", "mf", "--out", output);

        report.ExitCode.Should().Be(0, report.Stderr);
        report.Stderr.Should().Contain("wrote the report of 100 trials");
        var html = File.ReadAllText(output);
        var images = HtmlPage.Images(html);
        images.Select(i => i.Alt).Should().Equal(
            ["Optimisation history", "Parallel coordinates", "Parameter importance",
             .. Enumerable.Range(0, 6).Select(i => $"Slice: x{i}"), "Loss by budget", "Proposal time"]);
        foreach (var (alt, png) in images)
            Pngs.Decode(png).Should().Be((900, 560), alt);
        HtmlPage.References(html).Should().OnlyContain(r => r.StartsWith("data:image/png;base64,"));
        html.Should().NotContainAny("<script", "<link", "@import", "http://", "https://");
        html.Should().Contain("Best trial").And.Contain("<table class=\"importance\">");
        html[html.IndexOf("<table class=\"trials\">", StringComparison.Ordinal)..].Split("<tr>").Length.Should().Be(1 + 1 + 100);
    }

    [Fact]
    public void A_missing_store_or_study_is_a_clear_error_and_writes_nothing()
    {
        var output = Path.Combine(_folder, "r.html");
        var noStore = CliRun.Of("study", "report", "--storage", Path.Combine(_folder, "nope.db"), "--study", "s", "--out", output);
        noStore.ExitCode.Should().Be(1);
        noStore.Stderr.Should().Contain("No store at").And.Contain("nope.db");
        File.Exists(Path.Combine(_folder, "nope.db")).Should().BeFalse("reading a store must not create one");

        var storage = Path.Combine(_folder, "s.db");
        CliRun.Of("study", "run", "--storage", storage, "--study", "there", "--problem", "branin", "--tuner", "random", "--trials", "3").ExitCode.Should().Be(0);
        var noStudy = CliRun.Of("study", "report", "--storage", storage, "--study", "gone", "--out", output);
        noStudy.ExitCode.Should().Be(1);
        noStudy.Stderr.Should().Contain("No study 'gone'").And.Contain("there");
        File.Exists(output).Should().BeFalse();
    }
}
