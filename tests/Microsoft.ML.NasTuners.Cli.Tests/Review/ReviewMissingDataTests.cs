using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Tests.Review;

/// <summary>A machine without the NAS-Bench-201 data: the review skips what reads it, says so, and reviews the rest.
/// In a child process, whose data-set variable points at an empty folder.</summary>
public sealed class ReviewMissingDataTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_condition_whose_problems_all_lack_their_data_is_skipped_with_a_line_and_a_note()
    {
        var empty = Directory.CreateDirectory(_temp.File("empty")).FullName;
        var folder = _temp.File("review");

        var run = CliProcess.Run(new Dictionary<string, string> { [Nb201Data.DirectoryVariable] = empty },
            "review", "--quick", "--conditions", "low_dim,nas", "--out", folder, "--threads", "2");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Split('\n').Should().ContainSingle(l => l.StartsWith("review: skipping nb201_cifar10 in nas:") && l.Contains(Nb201Data.DirectoryVariable))
            .And.ContainSingle(l => l.StartsWith("review: skipping condition nas:"));
        var readme = File.ReadAllText(Path.Combine(folder, "README.md"));
        readme.Should().Contain("\n## low_dim\n").And.NotContain("\n## nas\n").And.Contain("- skipping condition nas: none of its problems can run here");
        File.Exists(Path.Combine(folder, "nas.quick.jsonl")).Should().BeFalse();
    }
}
