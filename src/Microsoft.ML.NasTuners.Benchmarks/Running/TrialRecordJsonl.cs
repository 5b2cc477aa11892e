using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// Trial records as JSON Lines: one JSON object per line and trial, camelCase names (<c>problem, tuner, seed, trial,
/// budget, configId, spentBudget, loss, best, regret, proposeMs, evalMs, status, error, parameter</c>, and on noisy problems
/// <c>noiselessLoss</c>), absent values as <c>null</c>, the
/// status in camelCase (<c>"succeeded"</c>, <c>"failed"</c>, ...).
/// </summary>
public static class TrialRecordJsonl
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = false,
    };

    /// <summary>One line of JSON for <paramref name="record"/>, without the line break.</summary>
    public static string ToJson(TrialRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Serialize(record, Options);
    }

    /// <summary>Writes one line per record, each ended by <c>\n</c> whatever the platform.</summary>
    public static void Write(TextWriter writer, IEnumerable<TrialRecord> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            writer.Write(ToJson(record));
            writer.Write('\n');
        }
    }

    /// <summary>Writes the records to a UTF-8 file (without byte-order mark), replacing it.</summary>
    public static void WriteFile(string path, IEnumerable<TrialRecord> records)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(writer, records);
    }

    /// <summary>The record of one line written by <see cref="Write"/>.</summary>
    /// <exception cref="JsonException">The line is not a record.</exception>
    public static TrialRecord Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return JsonSerializer.Deserialize<TrialRecord>(line, Options) ?? throw new JsonException("'null' is not a trial record.");
    }

    /// <summary>Reads records written by <see cref="Write"/>, skipping blank lines.</summary>
    /// <exception cref="JsonException">A line is not a record; the message names the line.</exception>
    public static IEnumerable<TrialRecord> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            TrialRecord record;
            try
            {
                record = Parse(line);
            }
            catch (JsonException e)
            {
                throw new JsonException($"Line {number}: {e.Message}", e);
            }
            yield return record;
        }
    }
}
