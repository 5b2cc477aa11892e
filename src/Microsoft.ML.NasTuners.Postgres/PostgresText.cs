using System.Text;

namespace Microsoft.ML.NasTuners.Postgres;

/// <summary>
/// Free text (an error, a note, an attribute) as a PostgreSQL text column can hold it. Such a column refuses the NUL
/// character, which an exception's text may carry; NUL is written as <c>\0</c> and a backslash as <c>\\</c>, so the
/// text reads back exactly as given and stays readable in psql.
/// </summary>
internal static class PostgresText
{
    public static string? Encode(string? text)
    {
        if (text is null || (!text.Contains('\0') && !text.Contains('\\'))) return text;
        return text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
    }

    public static string Decode(string stored)
    {
        if (!stored.Contains('\\')) return stored;
        var text = new StringBuilder(stored.Length);
        for (var i = 0; i < stored.Length; i++)
        {
            if (stored[i] == '\\' && i + 1 < stored.Length)
            {
                text.Append(stored[++i] == '0' ? '\0' : stored[i]);
                continue;
            }
            text.Append(stored[i]);
        }
        return text.ToString();
    }
}
