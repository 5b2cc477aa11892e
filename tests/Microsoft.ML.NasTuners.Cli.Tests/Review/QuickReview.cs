namespace Microsoft.ML.NasTuners.Cli.Tests.Review;

/// <summary>One <c>review --quick</c> of every condition, run once for the tests that read its output.</summary>
public sealed class QuickReview : IDisposable
{
    private readonly TempDirectory _temp = new();

    public QuickReview()
    {
        Folder = _temp.File("review");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = CliRun.Of("review", "--quick", "--out", Folder, "--threads", "2");
        Elapsed = clock.Elapsed;
        ExitCode = run.ExitCode;
        Stderr = run.Stderr;
    }

    public string Folder { get; }

    public int ExitCode { get; }

    public string Stderr { get; }

    public TimeSpan Elapsed { get; }

    public string Readme => File.ReadAllText(Path.Combine(Folder, "README.md"));

    public void Dispose() => _temp.Dispose();
}
