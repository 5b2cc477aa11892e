namespace Microsoft.ML.NasTuners.Tests.Tuners;

/// <summary>
/// TPE on the widest ranges validation accepts, run in a child process (the Probes project): sampling that recursed
/// without end once overflowed the stack, which no catch can stop and which would kill the test host, so only the
/// child's exit code can tell a crash from a pass. (That a range whose width overflows is refused is in
/// InvalidOptionTests.)
/// </summary>
public sealed class TpeExtremeRangeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TPE_proposes_inside_the_widest_accepted_ranges_without_crashing(bool multivariate)
    {
        string[] args = multivariate ? ["tpe-extreme-ranges", "--multivariate"] : ["tpe-extreme-ranges"];
        var (exitCode, stdout, stderr) = DotnetChild.Run("Microsoft.ML.NasTuners.Probes.dll", args, TimeSpan.FromMinutes(2));

        exitCode.Should().Be(0, $"the probe must end normally (134 is an abort such as a stack overflow); stderr: {stderr}");
        stdout.Should().Contain("40 proposals inside the space");
    }
}
