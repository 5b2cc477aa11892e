using System.Text;
using System.Text.Json;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// Resumes a benchmark whose JSON Lines file (<see cref="TrialRecordJsonlAppender"/>) was cut short by a kill,
/// Ctrl+C or failure: keeps the runs the file holds completely and removes the rest, so that running the missing runs
/// and appending them gives the file, and the summary, of an uninterrupted benchmark (runs are deterministic).
/// </summary>
public static class BenchmarkResume
{
    /// <summary>Reads <paramref name="path"/> and leaves in it only the rows of the runs that are provably complete
    /// (<see cref="RunCompleteness.IsProvablyComplete"/>): a partial last line is cut off, and when some run is
    /// incomplete the file is rewritten without its rows, through a temporary file renamed over it so that a crash
    /// leaves either the old file or the new one. A missing file is a start from nothing. Memory grows with the number
    /// of runs, not of records.</summary>
    /// <param name="path">The JSON Lines file.</param>
    /// <param name="plan">The plan being resumed.</param>
    /// <param name="runs">The plan's runs (<see cref="BenchmarkRunner.Runs"/>).</param>
    /// <param name="fullBudget">The full budget of a problem by name (see <see cref="FullBudgets.Of"/>).</param>
    /// <exception cref="InvalidDataException">A complete line is not a trial record, or the file holds a run that
    /// the plan does not, or more trials of a run than the plan runs: it was written by another plan, and is left
    /// as it is.</exception>
    /// <exception cref="IOException">The file cannot be read or rewritten.</exception>
    public static ResumePoint Prepare(string path, BenchmarkPlan plan, IReadOnlyList<BenchmarkRunId> runs, Func<string, double> fullBudget)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(fullBudget);
        if (!File.Exists(path)) return ResumePoint.Empty;

        var completeLength = CompleteLines.Length(path);
        var partialLine = new FileInfo(path).Length > completeLength;
        var runsOfFile = Read(path, completeLength, runs.ToHashSet(), fullBudget);
        foreach (var run in runsOfFile.Where(r => r.Trials > plan.Trials))
        {
            throw new InvalidDataException(
                $"{path} holds {run.Trials} trials of {run.Run}, more than the {plan.Trials} this plan runs: resume with the options that wrote it.");
        }
        var complete = runsOfFile.Where(r => RunCompleteness.IsProvablyComplete(r, plan)).ToArray();
        var dropped = runsOfFile.Where(r => !RunCompleteness.IsProvablyComplete(r, plan)).ToArray();
        if (dropped.Length > 0) Rewrite(path, completeLength, complete.Select(r => r.Run).ToHashSet());
        else if (partialLine) Truncate(path, completeLength);
        return new ResumePoint
        {
            CompleteRuns = complete,
            KeptRecords = complete.Sum(r => (long)r.Trials),
            DroppedRuns = dropped.Select(r => r.Run).Order().ToArray(),
            DroppedRecords = dropped.Sum(r => (long)r.Trials),
            DroppedPartialLine = partialLine,
        };
    }

    private static IReadOnlyList<RunStatistics> Read(string path, long length, HashSet<BenchmarkRunId> planned, Func<string, double> fullBudget)
    {
        var accumulators = new Dictionary<BenchmarkRunId, RunStatisticsAccumulator>();
        foreach (var (record, number) in Records(path, length))
        {
            var run = BenchmarkRunId.Of(record);
            if (!accumulators.TryGetValue(run, out var accumulator))
            {
                if (!planned.Contains(run))
                    throw new InvalidDataException($"{path} (line {number}) holds {run}, which this plan does not run: resume with the options that wrote it.");
                accumulators[run] = accumulator = new RunStatisticsAccumulator(run, fullBudget(run.Problem));
            }
            accumulator.Add(record);
        }
        return accumulators.Values.Select(a => a.ToStatistics()).ToArray();
    }

    private static IEnumerable<(TrialRecord Record, long Number)> Records(string path, long length)
    {
        var number = 0L;
        foreach (var line in CompleteLines.Read(path, length))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            TrialRecord record;
            try
            {
                record = TrialRecordJsonl.Parse(line);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}, line {number}, is not a trial record: {e.Message}", e);
            }
            yield return (record, number);
        }
    }

    private static void Rewrite(string path, long length, HashSet<BenchmarkRunId> keep)
    {
        // In the same directory, so that the rename stays on one file system and is atomic.
        var full = System.IO.Path.GetFullPath(path);
        var temporary = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
                {
                    foreach (var line in CompleteLines.Read(path, length))
                    {
                        // Copied as they were rather than re-serialised: the kept rows stay byte for byte the same.
                        if (string.IsNullOrWhiteSpace(line) || !keep.Contains(BenchmarkRunId.Of(TrialRecordJsonl.Parse(line)))) continue;
                        writer.Write(line);
                        writer.Write('\n');
                    }
                }
                // On disk before the rename, or a crash could leave the new name on an empty file.
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static void Truncate(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        stream.SetLength(length);
    }
}
