using System.Text;

namespace Microsoft.ML.NasTuners.Benchmarks;

// The lines of a file that a killed writer may have left with a partial last line: only the lines ended by '\n'.
internal static class CompleteLines
{
    /// <summary>The length in bytes of the file up to and including its last '\n' (0 when it has none).</summary>
    public static long Length(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[64 * 1024];
        var end = stream.Length;
        // From the end backwards: the partial tail is at most one line long, so this reads little.
        while (end > 0)
        {
            var start = Math.Max(0, end - buffer.Length);
            var count = (int)(end - start);
            stream.Position = start;
            stream.ReadExactly(buffer, 0, count);
            var newline = buffer.AsSpan(0, count).LastIndexOf((byte)'\n');
            if (newline >= 0) return start + newline + 1;
            end = start;
        }
        return 0;
    }

    /// <summary>The lines within the first <paramref name="length"/> bytes (a value of <see cref="Length"/>), without
    /// their '\n'.</summary>
    public static IEnumerable<string> Read(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        // Whatever follows the last '\n' is the last line ReadLine returns (JSON Lines hold no raw '\r'), so it is the
        // one line to leave out when the file is longer than its complete lines.
        var hasPartialTail = stream.Length > length;
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: false);
        var line = reader.ReadLine();
        while (line is not null)
        {
            var next = reader.ReadLine();
            if (next is null && hasPartialTail) yield break;
            yield return line;
            line = next;
        }
    }
}
