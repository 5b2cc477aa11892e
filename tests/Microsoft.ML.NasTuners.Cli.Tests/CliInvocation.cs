using System.CommandLine;

namespace Microsoft.ML.NasTuners.Cli.Tests;

/// <summary>The command run in-process through its real command tree, with stderr and the cancellation token in the
/// test's hands: what Ctrl+C does, without a signal.</summary>
internal static class CliInvocation
{
    public static CliRun Run(CancellingWriter stderr, params string[] args)
    {
        var stdout = new StringWriter();
        var context = new CliContext(stdout, stderr);
        var code = CliApp.BuildRootCommand(context).Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, stderr.Token)
            .GetAwaiter().GetResult();
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
