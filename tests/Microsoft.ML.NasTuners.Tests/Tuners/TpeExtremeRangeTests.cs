using System.Diagnostics;

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
        var (exitCode, stdout, stderr) = RunProbe(args);

        exitCode.Should().Be(0, $"the probe must end normally (134 is an abort such as a stack overflow); stderr: {stderr}");
        stdout.Should().Contain("40 proposals inside the space");
    }

    private static (int ExitCode, string Stdout, string Stderr) RunProbe(string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Microsoft.ML.NasTuners.Probes.dll");
        File.Exists(dll).Should().BeTrue("the test project references the probes, so their build is beside the tests");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The probe did not finish within two minutes.");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
