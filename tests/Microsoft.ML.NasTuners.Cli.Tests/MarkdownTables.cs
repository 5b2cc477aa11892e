namespace Microsoft.ML.NasTuners.Cli.Tests;

/// <summary>The Markdown tables of bench's stdout, cell by cell, to compare two runs' results without their timings.</summary>
internal static class MarkdownTables
{
    /// <summary>Every table row (header included, separator left out) as its trimmed cells, one table after another;
    /// the columns named in <paramref name="without"/> are dropped from the tables that have them.</summary>
    public static IReadOnlyList<string> Rows(string stdout, params string[] without)
    {
        var rows = new List<string>();
        int[] dropped = [];
        var inTable = false;
        foreach (var line in stdout.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (!line.StartsWith('|'))
            {
                inTable = false;
                continue;
            }
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (!inTable)
            {
                inTable = true;
                dropped = without.Select(name => Array.IndexOf(cells, name)).Where(i => i >= 0).ToArray();
            }
            if (cells.All(c => c.Length > 0 && c.Trim(':', '-').Length == 0)) continue;
            rows.Add(string.Join(" | ", cells.Where((_, i) => !dropped.Contains(i))));
        }
        return rows;
    }
}
