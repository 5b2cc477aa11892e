namespace Microsoft.ML.NasTuners.Storage;

/// <summary>The exceptions a store throws when its contents do not allow a call, worded alike in every store.</summary>
internal static class StudyErrors
{
    private const int KnownShown = 10;

    /// <summary>Lists the studies there are, since a missing study is most often a typo or the wrong store.</summary>
    public static InvalidOperationException UnknownStudy(string name, IEnumerable<string> known)
    {
        var names = known.Order(StringComparer.Ordinal).ToList();
        var listing = names.Count == 0
            ? "The store holds no study."
            : $"Known studies: {string.Join(", ", names.Take(KnownShown).Select(n => $"'{n}'"))}" +
              (names.Count > KnownShown ? $" and {names.Count - KnownShown} more." : ".");
        return new InvalidOperationException($"Study '{name}' does not exist. {listing}");
    }

    public static InvalidOperationException DuplicateStudy(string name) =>
        new($"Study '{name}' already exists; open it with LoadOrCreateStudy, or delete it first.");

    public static InvalidOperationException OtherSpace(string name, string? stored, string? given) =>
        new($"Study '{name}' was created with search space {Show(stored)}, not {Show(given)}; " +
            "resuming it with another space would mix trials of two searches. Use another study name.");

    public static InvalidOperationException TrialExists(string study, int id) =>
        new($"Study '{study}' already has trial {id}; give a negative id to take the next free one.");

    public static InvalidOperationException UnknownTrial(string study, int id) =>
        new($"Study '{study}' has no trial {id} to finish; start it first.");

    public static InvalidOperationException AlreadyFinished(string study, int id, TrialStatus status) =>
        new($"Trial {id} of study '{study}' has already finished as {status}; a finished trial is never overwritten.");

    public static InvalidOperationException NoTrialToReport(string study, int id) =>
        new($"Study '{study}' has no trial {id} to report an intermediate value for; start it first.");

    public static InvalidOperationException ReportAfterFinish(string study, int id, TrialStatus status) =>
        new($"Trial {id} of study '{study}' has already finished as {status}; a finished trial's intermediate values are never changed.");

    private static string Show(string? json)
    {
        const int shown = 300;
        if (json is null) return "(none)";
        return json.Length <= shown ? json : json[..shown] + $"... ({json.Length} characters)";
    }
}
