using System.Text;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public sealed class BenchmarkResumeTests : IDisposable
{
    private static readonly BenchmarkPlan Plan = new() { Problems = ["branin", "mf_hartmann6"], Tuners = ["random", "hyperband"], Seeds = [1, 2], Trials = 12 };

    private readonly string _directory = Directory.CreateTempSubdirectory("nas-tuners-resume-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static IReadOnlyList<TrialRecord> RecordsOf(BenchmarkPlan plan) => new BenchmarkRunner().Run(plan);

    private static string Lines(IEnumerable<TrialRecord> records)
    {
        var writer = new StringWriter();
        TrialRecordJsonl.Write(writer, records);
        return writer.ToString();
    }

    private static ResumePoint Prepare(string path, BenchmarkPlan plan)
    {
        var runner = new BenchmarkRunner();
        var budgets = FullBudgets.Of(plan);
        return BenchmarkResume.Prepare(path, plan, runner.Runs(plan), p => budgets[p]);
    }

    [Fact]
    public void A_missing_file_is_a_start_from_nothing()
    {
        var path = PathOf("none.jsonl");
        Prepare(path, Plan).Should().BeSameAs(ResumePoint.Empty);
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void A_complete_file_is_kept_byte_for_byte()
    {
        var path = PathOf("complete.jsonl");
        TrialRecordJsonl.WriteFile(path, RecordsOf(Plan));
        var before = File.ReadAllBytes(path);

        var resume = Prepare(path, Plan);

        resume.CompleteRuns.Should().HaveCount(8);
        resume.KeptRecords.Should().Be(8 * 12);
        resume.DroppedRuns.Should().BeEmpty();
        resume.DroppedPartialLine.Should().BeFalse();
        File.ReadAllBytes(path).Should().Equal(before);
    }

    [Fact]
    public void A_partial_last_line_is_cut_off_and_the_unfinished_runs_are_removed_in_one_rename()
    {
        var records = RecordsOf(Plan);
        // As a kill leaves it: two runs cut short, runs interleaved, and half a line at the end.
        var cut = new[] { new BenchmarkRunId("mf_hartmann6", "hyperband", 2), new BenchmarkRunId("branin", "random", 1) };
        var kept = records.Where(r => !cut.Contains(BenchmarkRunId.Of(r))).ToArray();
        var partial = records.Where(r => cut.Contains(BenchmarkRunId.Of(r)) && r.Trial < 5);
        var interleaved = kept.Concat(partial).OrderBy(r => r.Trial).ThenBy(r => r.Seed).ToArray();
        var path = PathOf("killed.jsonl");
        var half = TrialRecordJsonl.ToJson(records[^1])[..40];
        File.WriteAllText(path, Lines(interleaved) + half, new UTF8Encoding(false));

        var resume = Prepare(path, Plan);

        resume.CompleteRuns.Select(r => r.Run).Should().BeEquivalentTo(kept.Select(BenchmarkRunId.Of).Distinct());
        resume.DroppedRuns.Should().Equal(cut.Order());
        resume.DroppedRecords.Should().Be(10);
        resume.KeptRecords.Should().Be(kept.Length);
        resume.DroppedPartialLine.Should().BeTrue();
        File.ReadAllText(path).Should().Be(Lines(interleaved.Where(r => !cut.Contains(BenchmarkRunId.Of(r)))), "the kept rows stay, in their order");
        Directory.GetFiles(_directory).Should().Equal([path], "the temporary file was renamed over the old one");
    }

    [Fact]
    public void Only_a_partial_last_line_is_truncated_away()
    {
        var path = PathOf("tail.jsonl");
        var complete = Lines(RecordsOf(Plan));
        File.WriteAllText(path, complete + "{\"problem\":\"bra", new UTF8Encoding(false));

        var resume = Prepare(path, Plan);

        resume.DroppedPartialLine.Should().BeTrue();
        resume.DroppedRuns.Should().BeEmpty();
        File.ReadAllText(path).Should().Be(complete);
    }

    [Fact]
    public void A_budget_limited_run_counts_as_complete_only_when_provably_so()
    {
        var oneWorker = new BenchmarkPlan { Problems = ["mf_hartmann6"], Tuners = ["hyperband"], Seeds = [1, 2], Trials = int.MaxValue, BudgetLimit = 6 };
        var threeWorkers = oneWorker with { Parallel = 3 };
        var path = PathOf("budget.jsonl");

        TrialRecordJsonl.WriteFile(path, RecordsOf(oneWorker));
        Prepare(path, oneWorker).CompleteRuns.Should().HaveCount(2);

        TrialRecordJsonl.WriteFile(path, RecordsOf(threeWorkers));
        var resume = Prepare(path, threeWorkers);
        resume.CompleteRuns.Should().BeEmpty("with three workers the records cannot show that the last pending trial ended");
        resume.DroppedRuns.Should().HaveCount(2);
        File.ReadAllText(path).Should().BeEmpty();
    }

    [Fact]
    public void A_file_of_another_plan_is_refused_and_left_as_it_is()
    {
        var path = PathOf("other.jsonl");
        TrialRecordJsonl.WriteFile(path, RecordsOf(Plan));
        var before = File.ReadAllBytes(path);

        FluentActions.Invoking(() => Prepare(path, Plan with { Seeds = [1] })).Should().Throw<InvalidDataException>()
            .WithMessage("*seed 2, which this plan does not run*");
        FluentActions.Invoking(() => Prepare(path, Plan with { Trials = 10 })).Should().Throw<InvalidDataException>()
            .WithMessage("*12 trials of*more than the 10 this plan runs*");
        File.ReadAllBytes(path).Should().Equal(before);
    }

    [Fact]
    public void A_broken_line_before_the_last_is_refused()
    {
        var path = PathOf("broken.jsonl");
        var lines = Lines(RecordsOf(Plan)).Split('\n');
        lines[3] = "not json";
        File.WriteAllText(path, string.Join('\n', lines), new UTF8Encoding(false));

        FluentActions.Invoking(() => Prepare(path, Plan)).Should().Throw<InvalidDataException>().WithMessage("*line 4, is not a trial record*");
    }
}
