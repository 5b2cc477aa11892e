using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Tests;

/// <summary>One in-process run of the command: exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args) => With(null, args);

    public static CliRun With(TunerRegistry? tuners, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr);
        if (tuners is not null) context = context with { Tuners = tuners };
        var code = CliApp.Run(args, context);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
