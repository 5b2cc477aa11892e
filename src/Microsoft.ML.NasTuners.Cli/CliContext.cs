using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli;

/// <summary>Where the command writes and what it can run. Tests build one over string writers; the process builds one
/// over the console.</summary>
/// <param name="Stdout">Results: tables and listings.</param>
/// <param name="Stderr">Progress, notes and error messages.</param>
internal sealed record CliContext(TextWriter Stdout, TextWriter Stderr)
{
    /// <summary>True when stdout is a terminal (tables get rounded borders); false draws plain Markdown tables.</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>True when stderr is a terminal: progress is a live bar; otherwise it is a line every 10%.</summary>
    public bool StderrIsTerminal { get; init; }

    /// <summary>True with <c>--quiet</c>: no progress on stderr (results, notes and errors still appear).</summary>
    public bool Quiet { get; init; }

    /// <summary>The tuners <c>bench</c> can run.</summary>
    public TunerRegistry Tuners { get; init; } = BenchmarkTuners.CreateRegistry();
}
