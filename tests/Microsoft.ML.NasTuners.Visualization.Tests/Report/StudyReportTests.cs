using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Visualization.Tests.Report;

/// <summary>The report is one page that needs nothing beside it: every plot inline as a PNG, no script, no address
/// outside the page; and it shows the best trial, the importance and every trial, with their text escaped.</summary>
public class StudyReportTests
{
    [Fact]
    public void The_page_inlines_every_plot_as_a_png_and_refers_to_nothing_outside_itself()
    {
        var study = Studies.Synthetic(40, (x, y, c) => x + y * (c == "a" ? 2 : 1));

        var html = StudyReport.ToHtml(study);

        var images = HtmlPage.Images(html);
        images.Select(i => i.Alt).Should().Equal("Optimisation history", "Parallel coordinates", "Parameter importance",
            "Slice: c", "Slice: x", "Slice: y", "Proposal time"); // the slices in the model view's order: keys sorted
        foreach (var (alt, png) in images)
            Pngs.Decode(png).Should().Be((900, 560), alt);
        HtmlPage.References(html).Should().OnlyContain(r => r.StartsWith("data:image/png;base64,"));
        html.Should().NotContainAny("<script", "<link", "@import", "http://", "https://", "<iframe", "<object");
        html.Should().Contain("Content-Security-Policy").And.Contain("default-src 'none'");
    }

    [Fact]
    public void The_page_shows_the_best_trial_the_importance_table_and_a_row_per_trial()
    {
        var study = Studies.Synthetic(25, (x, _, _) => x);
        var best = study.Trials.MinBy(t => t.Loss)!;

        var html = StudyReport.ToHtml(study);

        html.Should().Contain($"Trial {best.Id}: loss {Numbers.Short(best.Loss)}.");
        html.Should().Contain("<table class=\"importance\">");
        var trialTable = html[html.IndexOf("<table class=\"trials\">", StringComparison.Ordinal)..];
        trialTable.Split("<tr>").Length.Should().Be(1 + 1 + 25, "a header row and one row per trial");
    }

    [Fact]
    public void Text_from_the_study_is_escaped_so_it_cannot_add_markup()
    {
        var trial = new StudyTrial
        {
            Id = 0, Parameter = Parameter.Parse("""{"name":"<b>bold</b>"}"""), Status = TrialStatus.Failed,
            Error = "<script>alert(1)</script>",
        };

        var html = StudyReport.ToHtml(new StudyData("<i>x</i>", [trial]));

        html.Should().NotContain("<script>").And.NotContain("<b>bold").And.NotContain("<i>x");
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.Contain("Study &lt;i&gt;x&lt;/i&gt;");
        html.Should().Contain("No trial has succeeded yet.");
    }

    [Fact]
    public void A_study_read_back_from_a_store_reports_the_same_trials()
    {
        using var store = new InMemoryTrialStore();
        store.CreateStudy("kept", Studies.SyntheticSpace.ToJson(), new Dictionary<string, string> { ["tuner"] = "tpe" });
        foreach (var t in Studies.Synthetic(12, (x, _, _) => x).Trials)
        {
            store.StartTrial("kept", t with { Status = TrialStatus.Running, Loss = double.NaN, EndedAtUtc = null });
            store.FinishTrial("kept", t);
        }

        var study = StudyData.FromStore(store, "kept");

        study.Trials.Should().HaveCount(12);
        study.SearchSpace.Should().NotBeNull();
        StudyReport.ToHtml(study).Should().Contain("<td>tuner</td><td>tpe</td>");
        var missing = () => StudyData.FromStore(store, "lost");
        missing.Should().Throw<InvalidOperationException>().WithMessage("*'lost'*kept*");
    }

    [Fact]
    public void A_study_read_back_from_a_store_draws_the_curves_its_trials_reported_and_none_when_they_reported_nothing()
    {
        using var store = new InMemoryTrialStore();
        store.CreateStudy("curves", Studies.SyntheticSpace.ToJson());
        var trials = Studies.Synthetic(4, (x, _, _) => x).Trials;
        foreach (var t in trials)
        {
            store.StartTrial("curves", t with { Status = TrialStatus.Running, Loss = double.NaN, EndedAtUtc = null });
            if (t.Id < 2)
            {
                store.ReportIntermediateValue("curves", t.Id, 1, 0.9);
                store.ReportIntermediateValue("curves", t.Id, 2, 0.5 + t.Id);
            }
            store.FinishTrial("curves", t with { Status = t.Id == 1 ? TrialStatus.Pruned : t.Status });
        }
        var withCurves = StudyData.FromStore(store, "curves");
        var plain = new StudyData("plain", trials, Studies.SyntheticSpace);

        withCurves.IntermediateValues.Keys.Should().Equal(0, 1);
        withCurves.IntermediateValues[1].Should().Equal([new(1, 0.9), new(2, 1.5)]);
        StudyReport.ToHtml(withCurves).Should().Contain("Intermediate values");
        plain.IntermediateValues.Should().BeEmpty();
        StudyReport.ToHtml(plain).Should().NotContain("Intermediate values");
    }
}
