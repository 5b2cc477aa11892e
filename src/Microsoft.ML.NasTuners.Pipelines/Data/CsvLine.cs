using System.Text;

namespace Microsoft.ML.NasTuners.Pipelines.Data;

/// <summary>Splits one CSV line into fields (RFC 4180 quoting, no line breaks inside a field), to look at the values
/// before ML.NET's TextLoader reads them with the types chosen from that look.</summary>
internal static class CsvLine
{
    public static List<string> Split(string line, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
