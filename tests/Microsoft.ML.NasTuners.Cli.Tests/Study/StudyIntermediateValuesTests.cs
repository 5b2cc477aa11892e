using System.Text.Json;
using Microsoft.ML.NasTuners.Pruning;
using Microsoft.ML.NasTuners.Storage;
using Microsoft.ML.NasTuners.Tuners;
using Microsoft.ML.NasTuners.Visualization.Tests.Report;

namespace Microsoft.ML.NasTuners.Cli.Tests.Study;

/// <summary><c>study show</c>, <c>export</c> and <c>report</c> on a study whose trials reported learning curves and were
/// pruned: the stored values are shown, exported and drawn.</summary>
public sealed class StudyIntermediateValuesTests : IDisposable
{
    private const int Epochs = 6;

    private readonly string _folder = Directory.CreateTempSubdirectory("nas-study-curves-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string Storage => Path.Combine(_folder, "curves.db");

    // Twelve trials of a curve falling towards 1 - quality, judged by the median rule after 3 succeeded.
    private async Task<IReadOnlyList<StudyTrial>> RunStudy()
    {
        using var store = new SqliteTrialStore(Storage);
        await new MLContext(seed: 1).Nas().CreateExperiment()
            .SetSearchSpace(new SearchSpace { ["quality"] = new UniformDoubleOption(0, 1) })
            .SetTuner((s, seed) => new RandomSearchTuner(s, seed))
            .SetObjective((p, trial, _) =>
            {
                for (var epoch = 1; epoch <= Epochs; epoch++)
                    if (trial.Report(epoch, 1 - p["quality"].AsDouble() + 1.0 / epoch)) trial.Prune();
                return 1 - p["quality"].AsDouble() + 1.0 / Epochs;
            })
            .SetPruner(new MedianPruner(startupTrials: 3))
            .SetStudy("curves", store)
            .SetMaxTrials(12)
            .SetSeed(2)
            .RunAsync();
        return store.GetTrials("curves");
    }

    [Fact]
    public async Task Show_export_and_report_carry_the_stored_curves_of_pruned_and_completed_trials()
    {
        var trials = await RunStudy();
        trials.Should().Contain(t => t.Status == TrialStatus.Pruned).And.Contain(t => t.Status == TrialStatus.Succeeded);

        var show = CliRun.Of("study", "show", "--storage", Storage, "--study", "curves");
        show.ExitCode.Should().Be(0, show.Stderr);
        show.Stdout.Should().Contain($"intermediate values: {trials.Sum(t => t.IntermediateValues.Count)} reports by 12 trials")
            .And.Contain("reported").And.Contain($"{Epochs} to step {Epochs}");
        var pruned = trials.First(t => t.Status == TrialStatus.Pruned);
        show.Stdout.Should().Contain($"{pruned.IntermediateValues.Count} to step {pruned.IntermediateValues[^1].Step}");

        var jsonl = CliRun.Of("study", "export", "--storage", Storage, "--study", "curves", "--format", "jsonl");
        var rows = jsonl.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        rows.Should().HaveCount(12);
        foreach (var (row, trial) in rows.Zip(trials))
        {
            var values = row.GetProperty("intermediateValues").EnumerateArray()
                .Select(v => new IntermediateValue(v.GetProperty("step").GetDouble(), v.GetProperty("value").GetDouble())).ToArray();
            values.Should().Equal(trial.IntermediateValues);
        }
        var csv = Path.Combine(_folder, "curves.csv");
        CliRun.Of("study", "export", "--storage", Storage, "--study", "curves", "--out", csv).ExitCode.Should().Be(0);
        var lines = File.ReadAllLines(csv);
        lines[0].Should().EndWith(",parameter,intermediateValues");
        lines[1].Should().EndWith("\"[{\"\"step\"\":1,\"\"value\"\":" + trials[0].IntermediateValues[0].Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "}" +
            string.Concat(trials[0].IntermediateValues.Skip(1).Select(v => $",{{\"\"step\"\":{v.Step},\"\"value\"\":{v.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}}")) + "]\"");

        var output = Path.Combine(_folder, "report.html");
        var report = CliRun.Of("study", "report", "--storage", Storage, "--study", "curves", "--out", output);
        report.ExitCode.Should().Be(0, report.Stderr);
        var html = File.ReadAllText(output);
        HtmlPage.Images(html).Select(i => i.Alt).Should().Contain("Intermediate values");
    }

    [Fact]
    public void A_study_without_reports_shows_no_curve_column()
    {
        CliRun.Of("study", "run", "--storage", Storage, "--study", "plain", "--problem", "branin", "--tuner", "random", "--trials", "3")
            .ExitCode.Should().Be(0);

        var show = CliRun.Of("study", "show", "--storage", Storage, "--study", "plain");

        show.Stdout.Should().NotContain("intermediate values").And.NotContain("reported");
    }

    [Fact]
    public void Study_run_with_a_pruner_trains_learning_curves_and_records_pruned_trials_with_their_curves()
    {
        var run = CliRun.Of("study", "run", "--storage", Storage, "--study", "mf", "--problem", "mf_hartmann6", "--tuner", "random",
            "--trials", "30", "--pruner", "median", "--quiet");
        run.ExitCode.Should().Be(0, run.Stderr);

        using var store = new SqliteTrialStore(Storage);
        var trials = store.GetTrials("mf");
        trials.Should().HaveCount(30);
        trials.Should().Contain(t => t.Status == TrialStatus.Pruned);
        foreach (var t in trials)
        {
            t.IntermediateValues.Should().NotBeEmpty();
            if (t.Status == TrialStatus.Pruned) t.Loss.Should().Be(t.IntermediateValues[^1].Value);
            else t.IntermediateValues.Should().HaveCount(81, "mf_hartmann6 trains 81 epochs");
        }
        var unknown = CliRun.Of("study", "run", "--storage", Storage, "--study", "x", "--problem", "mf_hartmann6", "--pruner", "wild");
        unknown.ExitCode.Should().Be(2);
        unknown.Stderr.Should().Contain("'wild'");
    }
}
