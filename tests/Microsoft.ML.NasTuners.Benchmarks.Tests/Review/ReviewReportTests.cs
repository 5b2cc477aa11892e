using Microsoft.ML.NasTuners.Benchmarks.Review;
using SkiaSharp;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests.Review;

public sealed class ReviewReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nas-review-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly ReviewCondition Condition = new()
    {
        Name = "cond", Description = "Two problems", Problems = ["branin", "hartmann3"], Budgets = [2, 4], Tuners = ["a", "b", "c"],
        Expected = ["a"], Hypothesis = "a wins",
    };

    [Fact]
    public void The_readme_answers_with_the_winner_and_links_plots_that_render()
    {
        var results = ConditionResults.Of(Condition, ReviewRecords.Ordered(), _ => 1);

        var files = ReviewReport.Write(_folder, new ReviewHeader("nas-tuners review --test", TimeSpan.FromMinutes(2), ["a note"]), [results]);

        var readme = File.ReadAllText(files[0]);
        readme.Should().Contain("| cond | a | none | a wins | held |");
        readme.Should().Contain("`nas-tuners review --test`; its runs took 2.0 min").And.Contain("- a note");
        readme.Should().Contain("| a | 0.035 (0.0225–0.0475) |");
        readme.Should().Contain("Friedman test: χ²(2) = 24, p = 6.14e-6 over 12 cells.");
        // Two regret curves, the mean rank, the rank test and the proposal time.
        var plots = files.Skip(1).ToArray();
        plots.Should().HaveCount(5);
        foreach (var plot in plots)
        {
            readme.Should().Contain($"(plots/{Path.GetFileName(plot)})");
            using var bitmap = SKBitmap.Decode(plot);
            bitmap.Should().NotBeNull(plot);
            bitmap.Width.Should().Be(900);
            bitmap.Height.Should().Be(560);
            DistinctColours(bitmap).Should().BeGreaterThan(20, $"{plot} has axes, lines and text, not a blank canvas");
        }
    }

    private static int DistinctColours(SKBitmap bitmap)
    {
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y += 3)
            for (var x = 0; x < bitmap.Width; x += 3)
                colours.Add(bitmap.GetPixel(x, y));
        return colours.Count;
    }
}
