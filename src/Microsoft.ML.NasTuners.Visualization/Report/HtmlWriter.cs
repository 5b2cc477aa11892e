using System.Net;
using System.Text;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>A little HTML builder that encodes every text it is given, so a parameter value or an error message
/// can never inject markup into the report.</summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();

    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        _html.Append(WebUtility.HtmlEncode(text ?? ""));
        return this;
    }

    public HtmlWriter Element(string tag, string? text, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (cssClass is not null) _html.Append(" class=\"").Append(cssClass).Append('"');
        _html.Append('>');
        Text(text);
        _html.Append("</").Append(tag).Append(">\n");
        return this;
    }

    /// <summary>A table of text cells; the first row is the header.</summary>
    public HtmlWriter Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? cssClass = null)
    {
        _html.Append(cssClass is null ? "<table>\n" : $"<table class=\"{cssClass}\">\n");
        _html.Append("<thead><tr>");
        foreach (var h in header) Raw("<th>").Text(h).Raw("</th>");
        _html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            _html.Append("<tr>");
            foreach (var cell in row) Raw("<td>").Text(cell).Raw("</td>");
            _html.Append("</tr>\n");
        }
        _html.Append("</tbody></table>\n");
        return this;
    }

    /// <summary>A PNG inline, as a base64 data URI: the page needs no file beside it.</summary>
    public HtmlWriter Image(byte[] png, string alt, int width, int height) =>
        Raw($"<img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" width=\"{width}\" height=\"{height}\" alt=\"")
            .Text(alt).Raw("\">");

    public override string ToString() => _html.ToString();
}
