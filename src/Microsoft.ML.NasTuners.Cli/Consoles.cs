using Spectre.Console;
using Spectre.Console.Rendering;

namespace Microsoft.ML.NasTuners.Cli;

/// <summary>Spectre consoles over plain writers.</summary>
internal static class Consoles
{
    /// <summary>A console over <paramref name="writer"/>: with colours and live widgets on a terminal, plain text
    /// (no escape codes, wide enough for the tables) otherwise.</summary>
    public static IAnsiConsole Over(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Without a terminal Spectre falls back to 80 columns and would wrap the descriptions.
        if (!isTerminal) console.Profile.Width = 250;
        return console;
    }

    /// <summary>Writes <paramref name="renderable"/>: drawn by Spectre on a terminal; as plain lines otherwise, without
    /// the padding Spectre adds (trailing spaces and blank lines around Markdown tables) that would clutter files.</summary>
    public static void Write(TextWriter writer, bool isTerminal, IRenderable renderable)
    {
        if (isTerminal)
        {
            Over(writer, isTerminal: true).Write(renderable);
            return;
        }
        var buffer = new StringWriter();
        Over(buffer, isTerminal: false).Write(renderable);
        foreach (var line in buffer.ToString().Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Length > 0) writer.WriteLine(trimmed);
        }
    }
}
