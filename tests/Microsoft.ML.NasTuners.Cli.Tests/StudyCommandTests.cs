using System.Diagnostics;
using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Cli.Tests;

/// <summary><c>nas-tuners study</c>: a durable run survives SIGKILL, and its trials can be listed, shown and exported.</summary>
public sealed class StudyCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nas-study-cli-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string[] RunArgs(string storage, string study) =>
        ["study", "run", "--storage", storage, "--study", study, "--problem", "branin", "--tuner", "tpe", "--trials", "200", "--seed", "1", "--trial-delay-ms", "15"];

    [Fact]
    public void A_study_killed_with_SIGKILL_and_run_again_has_200_trials_none_lost_or_repeated_and_the_uninterrupted_proposals()
    {
        var killed = Path.Combine(_folder, "killed.db");
        using var process = CliChild.Start(RunArgs(killed, "s"));
        // Wait until about half the study is on disk, then kill the process outright (no chance to clean up).
        var finished = WaitForFinishedTrials(killed, "s", 100, process);
        process.Kill();
        finished.Should().BeLessThan(200, "the kill came mid-run");

        var resumed = CliProcess.Run(new Dictionary<string, string>(), RunArgs(killed, "s"));
        resumed.ExitCode.Should().Be(0, resumed.Stderr);
        var whole = Path.Combine(_folder, "whole.db");
        CliProcess.Run(new Dictionary<string, string>(), RunArgs(whole, "s")).ExitCode.Should().Be(0);

        var afterKill = Trials(killed, "s");
        var uninterrupted = Trials(whole, "s");
        afterKill.Select(t => t.Id).Should().Equal(Enumerable.Range(0, 200));
        afterKill.Should().OnlyContain(t => t.Status == TrialStatus.Succeeded);
        afterKill.Select(t => t.Parameter.ToString()).Should().OnlyHaveUniqueItems();
        afterKill.Select(t => t.Parameter.ToString()).Should().Equal(uninterrupted.Select(t => t.Parameter.ToString()));
        afterKill.Select(t => t.Loss).Should().Equal(uninterrupted.Select(t => t.Loss));
    }

    [Fact]
    public void List_show_and_export_read_what_a_run_wrote()
    {
        var storage = Path.Combine(_folder, "s.db");
        CliRun.Of("study", "run", "--storage", storage, "--study", "demo", "--problem", "mixed3", "--tuner", "smac", "--trials", "12")
            .ExitCode.Should().Be(0);

        var list = CliRun.Of("study", "list", "--storage", storage);
        list.ExitCode.Should().Be(0, list.Stderr);
        list.Stdout.Split('\n').Should().Contain(l => l.StartsWith("| demo ") && l.Contains("| 12 "));

        var show = CliRun.Of("study", "show", "--storage", storage, "--study", "demo");
        show.Stdout.Should().Contain("12 succeeded").And.Contain("best: trial");

        var csv = Path.Combine(_folder, "demo.csv");
        CliRun.Of("study", "export", "--storage", storage, "--study", "demo", "--out", csv).ExitCode.Should().Be(0);
        var lines = File.ReadAllLines(csv);
        lines.Should().HaveCount(13);
        lines[0].Should().StartWith("id,status,loss");
        var jsonl = CliRun.Of("study", "export", "--storage", storage, "--study", "demo", "--format", "jsonl");
        jsonl.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(12)
            .And.OnlyContain(l => System.Text.Json.JsonDocument.Parse(l, default).RootElement.GetProperty("parameter").ValueKind == System.Text.Json.JsonValueKind.Object);
    }

    [Fact]
    public void A_missing_study_or_a_bad_storage_is_a_clear_error()
    {
        var storage = Path.Combine(_folder, "empty.db");
        var show = CliRun.Of("study", "show", "--storage", storage, "--study", "nope");
        show.ExitCode.Should().Be(1);
        show.Stderr.Should().Contain("'nope'");
        CliRun.Of("study", "list", "--storage", "ftp://x").ExitCode.Should().Be(2);
        CliRun.Of("study", "run", "--storage", storage, "--study", "x", "--problem", "bronin").Stderr.Should().Contain("Unknown problem 'bronin'");
    }

    private static IReadOnlyList<StudyTrial> Trials(string path, string study)
    {
        using var store = new SqliteTrialStore(path);
        return store.GetTrials(study);
    }

    private static int WaitForFinishedTrials(string path, string study, int count, CliChild process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The run ended by itself (exit {process.ExitCode}) before it could be killed.");
            if (File.Exists(path))
            {
                try
                {
                    var finished = Trials(path, study).Count(t => t.Status != TrialStatus.Running);
                    if (finished >= count) return finished;
                }
                catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
                {
                    // The study or its schema may not be written yet.
                }
            }
            Thread.Sleep(20);
        }
        throw new TimeoutException($"Fewer than {count} trials were written within a minute.");
    }
}
