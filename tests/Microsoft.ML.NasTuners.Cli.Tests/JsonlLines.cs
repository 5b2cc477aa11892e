using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Tests;

/// <summary>The records of a JSON Lines file that a killed writer may have left with a partial last line.</summary>
internal static class JsonlLines
{
    /// <summary>Every line ended by '\n', each parsed (which fails the test if one is not a record).</summary>
    public static IReadOnlyList<TrialRecord> Complete(string path)
    {
        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        // After the last '\n' comes either nothing or the partial line.
        return lines[..^1].Select(TrialRecordJsonl.Parse).ToArray();
    }

    /// <summary>The number of '\n' in the file, read while another process may be writing it.</summary>
    public static long Count(string path)
    {
        if (!File.Exists(path)) return 0;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[64 * 1024];
        long count = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0) count += buffer.AsSpan(0, read).Count((byte)'\n');
        return count;
    }
}
