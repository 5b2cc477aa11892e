namespace Microsoft.ML.NasTuners.Cli.Study;

/// <summary>The options of one <c>study run</c>.</summary>
internal sealed record StudyRunSettings(string Storage, string Study, string Problem, string Tuner, int Trials, int Seed,
    int Parallel, int TrialDelayMs)
{
    /// <summary>No progress lines (<c>--quiet</c>).</summary>
    public bool Quiet { get; init; }

    /// <summary>The pruner by name (<c>--pruner</c>); "none" trains every trial to its budget as before.</summary>
    public string Pruner { get; init; } = "none";

    /// <summary>Other processes run the study at the same time (<c>--shared</c>): running trials are theirs to end
    /// (<see cref="InterruptedTrialPolicy.LeaveRunning"/>).</summary>
    public bool Shared { get; init; }
}
