using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>What a baseline keeps of one trial: enough to tell whether a re-run proposed and scored the same.</summary>
/// <param name="Loss">The loss; null when the trial failed or its loss was not finite.</param>
/// <param name="Budget">The budget the trial ran at; null for a single-fidelity problem.</param>
/// <param name="Status">How the trial ended.</param>
/// <param name="Fingerprint">See <see cref="FingerprintOf"/>.</param>
internal sealed record BaselineTrial(double? Loss, double? Budget, TrialStatus Status, string Fingerprint)
{
    /// <summary>The marker of a trial without a parameter.</summary>
    internal const string NoParameter = "-";

    internal static BaselineTrial FromRecord(TrialRecord record) => new(
        record.Loss is { } loss && double.IsFinite(loss) ? loss : null,
        record.Budget,
        record.Status,
        FingerprintOf(record.Parameter, record.Budget));

    /// <summary>
    /// The first 16 hex digits of the SHA-256 of the parameter's JSON, then <c>@budget</c> when there is one:
    /// <c>"3f2a9c0d1e4b5a6f@27"</c>; <see cref="NoParameter"/> without a parameter.
    /// </summary>
    /// <remarks>A hash rather than the JSON keeps a run on one readable line; 64 bits make an accidental match of
    /// two different proposals practically impossible. <see cref="Parameter.ToString"/> sorts object keys, so equal
    /// parameters hash alike.</remarks>
    internal static string FingerprintOf(Parameter? parameter, double? budget)
    {
        if (parameter is null) return NoParameter;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(parameter.ToString()));
        var digits = Convert.ToHexStringLower(hash, 0, 8);
        return budget is { } b ? $"{digits}@{b.ToString("R", CultureInfo.InvariantCulture)}" : digits;
    }

    /// <summary>The status as the JSONL records spell it: <c>"succeeded"</c>, <c>"timedOut"</c>, ...</summary>
    internal static string StatusName(TrialStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    internal static bool TryParseStatus(string name, out TrialStatus status)
    {
        foreach (var candidate in Enum.GetValues<TrialStatus>())
        {
            if (StatusName(candidate) == name)
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }
}
