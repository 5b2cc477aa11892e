using System.Text.Json;
using System.Text.Json.Nodes;

namespace Microsoft.ML.NasTuners.Storage;

/// <summary>The argument checks every store makes, in one place so that stores differ only in where they keep data.</summary>
internal static class TrialStoreRules
{
    public const int MaxNameLength = 200;

    /// <summary>Names go into file-backed tables, messages and logs, so they are bounded and printable.</summary>
    public static void CheckName(string name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (name.Length is 0 or > MaxNameLength)
            throw new ArgumentException($"A study name has 1 to {MaxNameLength} characters; this one has {name.Length}.", parameterName);
        foreach (var c in name)
        {
            if (char.IsControl(c))
                throw new ArgumentException(
                    $"A study name cannot hold control characters; '{Printable(name)}' has U+{(int)c:X4}.", parameterName);
        }
    }

    public static void CheckSpace(string? searchSpaceJson, string parameterName)
    {
        if (searchSpaceJson is null) return;
        try
        {
            if (JsonNode.Parse(searchSpaceJson) is not JsonObject)
                throw new ArgumentException("A search space's JSON is an object (SearchSpace.ToJson()).", parameterName);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The search space is not valid JSON: {e.Message}", parameterName, e);
        }
    }

    public static void CheckAttributes(IReadOnlyDictionary<string, string>? attributes, string parameterName)
    {
        if (attributes is null) return;
        foreach (var (key, value) in attributes)
        {
            if (string.IsNullOrEmpty(key))
                throw new ArgumentException("An attribute key cannot be empty.", parameterName);
            if (value is null)
                throw new ArgumentException($"Attribute '{key}' has no value; use an empty string for none.", parameterName);
        }
    }

    /// <summary>Two spaces are the same when their JSON is, ignoring formatting: a space written indented and read
    /// back compact is still the space the study was created with.</summary>
    public static bool SameSpace(string? stored, string? given)
    {
        if (string.Equals(stored, given, StringComparison.Ordinal)) return true;
        if (stored is null || given is null) return false;
        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(stored), JsonNode.Parse(given));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The trial as a store writes it at its start. Times are kept in UTC so that every store and every
    /// process reads back the same instant.</summary>
    public static StudyTrial CheckStart(StudyTrial running, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(running, parameterName);
        CheckParameter(running, parameterName);
        // A trial that skipped its Running row would not be in the file if the process died while it ran.
        if (running.Status != TrialStatus.Running)
            throw new ArgumentException(
                $"Trial {running.Id} starts as {TrialStatus.Running}, not {running.Status}; start it, then finish it.", parameterName);
        // A trial that starts has reported nothing yet; values come in by ReportIntermediateValue only.
        return running with
        {
            IntermediateValues = [],
            StartedAtUtc = running.StartedAtUtc == default ? DateTime.UtcNow : ToUtc(running.StartedAtUtc),
            EndedAtUtc = running.EndedAtUtc is { } end ? ToUtc(end) : null,
        };
    }

    public static StudyTrial CheckFinish(StudyTrial finished, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(finished, parameterName);
        CheckParameter(finished, parameterName);
        if (finished.Status == TrialStatus.Running)
            throw new ArgumentException($"Trial {finished.Id} cannot finish with status {TrialStatus.Running}.", parameterName);
        return finished with
        {
            IntermediateValues = [],
            StartedAtUtc = ToUtc(finished.StartedAtUtc),
            EndedAtUtc = ToUtc(finished.EndedAtUtc ?? DateTime.UtcNow),
        };
    }

    public static void CheckMark(TrialStatus status, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (status == TrialStatus.Running || !Enum.IsDefined(status))
            throw new ArgumentException($"Running trials are marked with a final status, not {status}.", nameof(status));
    }

    /// <summary>The step as a store keys it: finite, and -0 folded into 0 so that the two are one step everywhere (a
    /// pruner compares steps with ==, for which they are already equal).</summary>
    public static double CheckStep(double step)
    {
        if (!double.IsFinite(step))
            throw new ArgumentOutOfRangeException(nameof(step), step, "A reported step must be a finite number.");
        return step == 0 ? 0 : step;
    }

    /// <summary>A time without a kind is taken to be UTC already (the record's fields say so); a local one is converted.</summary>
    public static DateTime ToUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };

    private static void CheckParameter(StudyTrial trial, string parameterName)
    {
        if (trial.Parameter is null)
            throw new ArgumentException($"Trial {trial.Id} has no parameter.", parameterName);
        if (!Enum.IsDefined(trial.Status))
            throw new ArgumentException($"Trial {trial.Id} has an unknown status {(int)trial.Status}.", parameterName);
    }

    private static string Printable(string name) => new(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
