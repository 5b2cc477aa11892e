using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Visualization.Tests.Plots;

/// <summary>Each plot is written as a PNG that decodes and shows something, and a plot with nothing to show is not
/// written at all.</summary>
public sealed class StudyPlotsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nas-plots-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Every_plot_of_a_pruned_study_is_a_drawn_900_by_560_png()
    {
        var result = await Studies.RunPrunedAsync(Path.Combine(_folder, "s.db"), trials: 40);
        var study = StudyData.FromResult(result, Studies.Space, "pruned");

        var written = StudyPlots.WriteAll(study, Path.Combine(_folder, "plots"));

        written.Select(Path.GetFileName).Should().BeEquivalentTo(
            "optimization-history.png", "parallel-coordinates.png", "parameter-importance.png",
            "slice-lr.png", "slice-layers.png", "slice-activation.png", "intermediate-values.png", "proposal-time.png");
        foreach (var path in written)
        {
            var png = File.ReadAllBytes(path);
            Pngs.Decode(png).Should().Be((900, 560), path);
            Pngs.Colours(png).Should().BeGreaterThan(20, $"{path} has data drawn on it");
        }
    }

    [Fact]
    public void A_study_with_no_loss_writes_no_history_and_no_slices()
    {
        var failed = new StudyTrial { Id = 0, Parameter = Parameter.Parse("""{"x":1}"""), Status = TrialStatus.Failed, Error = "boom" };
        var study = new StudyData("failed", [failed]);
        var path = Path.Combine(_folder, "history.png");

        StudyPlots.WriteOptimizationHistory(study, path).Should().BeNull();
        File.Exists(path).Should().BeFalse();
        StudyPlots.WriteSlices(study, _folder).Should().BeEmpty();
        StudyPlots.WriteParameterImportance(study, path).Should().BeNull();
    }

    [Fact]
    public void The_best_so_far_line_is_the_running_minimum_over_the_trials()
    {
        var study = Studies.Synthetic(30, (x, y, _) => x + y, seed: 3);

        using var plot = OptimizationHistoryPlot.Create(study)!;

        var best = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Single(s => s.LegendText == "best so far");
        var points = best.Data.GetScatterPoints();
        var running = double.PositiveInfinity;
        for (var i = 0; i < study.Trials.Count; i++)
        {
            running = Math.Min(running, study.Trials[i].Loss);
            points[i].X.Should().Be(study.Trials[i].Id);
            points[i].Y.Should().Be(running);
        }
    }

    [Fact]
    public void Intermediate_values_are_drawn_only_when_trials_reported_some()
    {
        var path = Path.Combine(_folder, "iv.png");
        var study = Studies.Synthetic(12, (x, _, _) => x);
        StudyPlots.WriteIntermediateValues(study, path).Should().BeNull();

        var reported = new StudyData(study.Name, study.Trials, study.SearchSpace,
            new Dictionary<int, IReadOnlyList<Pruning.IntermediateValue>> { [0] = [new(1, 0.9), new(2, 0.5)] });
        StudyPlots.WriteIntermediateValues(reported, path).Should().Be(path);
        Pngs.Decode(File.ReadAllBytes(path)).Should().Be((900, 560));
    }

    [Fact]
    public void The_proposal_time_is_the_gap_between_a_trials_end_and_the_next_start_and_absent_when_trials_overlap()
    {
        var study = Studies.Synthetic(5, (x, _, _) => x); // trials start every 10 ms and last 9 ms

        ProposalTimePlot.Gaps(study)!.Should().Equal((1, 1.0), (2, 1.0), (3, 1.0), (4, 1.0));

        var overlapping = new StudyData("p", study.Trials.Select(t => t with { EndedAtUtc = t.StartedAtUtc.AddMilliseconds(25) }).ToArray());
        ProposalTimePlot.Gaps(overlapping).Should().BeNull("with parallel trials the gap is not a proposal time");
        StudyPlots.WriteProposalTime(overlapping, Path.Combine(_folder, "p.png")).Should().BeNull();
    }

    [Fact]
    public void A_multi_fidelity_study_draws_its_losses_by_budget_and_only_full_budget_trials_in_the_slices()
    {
        StudyTrial At(int id, int config, double budget, double loss) => new()
        {
            Id = id, ConfigId = config, Budget = budget, Parameter = Parameter.Parse($$"""{"x":{{config / 10.0}}}"""),
            Status = TrialStatus.Succeeded, Loss = loss,
        };
        var study = new StudyData("mf", [At(0, 1, 1, 0.9), At(1, 2, 1, 0.8), At(2, 2, 3, 0.6), At(3, 2, 9, 0.4), At(4, 3, 9, 0.5)]);

        StudyPlots.WriteLossByBudget(study, Path.Combine(_folder, "b.png")).Should().NotBeNull();
        StudyTrials.AtFullBudget(study).Select(t => t.Id).Should().Equal(3, 4);
        StudyTrials.Best(study)!.Id.Should().Be(3);
        StudyPlots.WriteLossByBudget(Studies.Synthetic(5, (x, _, _) => x), Path.Combine(_folder, "none.png")).Should().BeNull("no trial has a budget");
    }
}
