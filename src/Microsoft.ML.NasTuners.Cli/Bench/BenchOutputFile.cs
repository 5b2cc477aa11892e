using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary>Opens the <c>--out</c> file before anything runs, so that a path that cannot be written costs no
/// benchmark, and says why it cannot in words rather than an exception's.</summary>
internal static class BenchOutputFile
{
    /// <summary>The file opened for the trials (replaced, or appended to when <paramref name="append"/> is set), or
    /// null with the <paramref name="reason"/> it cannot be.</summary>
    public static TrialRecordJsonlAppender? TryOpen(string path, bool append, out string reason)
    {
        reason = "";
        try
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                reason = "it is a directory";
                return null;
            }
            if (Path.GetDirectoryName(full) is { } directory && !Directory.Exists(directory))
            {
                reason = $"the directory '{directory}' does not exist";
                return null;
            }
            return new TrialRecordJsonlAppender(path, append);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            reason = e.Message;
            return null;
        }
    }
}
