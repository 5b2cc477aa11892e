using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Microsoft.ML.NasTuners.Cli;

/// <summary>One JSON value written on one line, for the CLI's JSON Lines outputs (study export, pipeline trials).</summary>
internal static class CompactJson
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
            write(json);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
