namespace Microsoft.ML.NasTuners.Cli.Tests.Review;

/// <summary>A report written in a folder below docs/review (the validation's) links up to the METHOD.md there.</summary>
public class ReviewMethodLinkTests
{
    [Fact]
    public void A_report_one_folder_below_method_links_up_to_it_and_one_beside_it_links_beside()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("METHOD.md"), "# method");

        var below = CliRun.Of("review", "--quick", "--conditions", "parallel4", "--out", temp.File("validation"));
        var beside = CliRun.Of("review", "--quick", "--conditions", "parallel4", "--out", temp.Path);

        below.ExitCode.Should().Be(0, below.Stderr);
        beside.ExitCode.Should().Be(0, beside.Stderr);
        File.ReadAllText(temp.File("validation/README.md")).Should().Contain("[METHOD.md](../METHOD.md)");
        File.ReadAllText(temp.File("README.md")).Should().Contain("[METHOD.md](METHOD.md)");
    }
}
