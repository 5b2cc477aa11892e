using System.Text.RegularExpressions;

namespace Microsoft.ML.NasTuners.Visualization.Tests.Report;

/// <summary>What a test reads off a report's HTML: its images and every address it refers to.</summary>
internal static partial class HtmlPage
{
    /// <summary>Each &lt;img&gt;: its alt text and its PNG bytes (from the data URI; a test fails for anything else).</summary>
    public static IReadOnlyList<(string Alt, byte[] Png)> Images(string html) => ImageTag().Matches(html)
        .Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups["alt"].Value), DataUri(m.Groups["src"].Value)))
        .ToArray();

    /// <summary>Every value of a src, href, action or poster attribute, and every url(...) of the style.</summary>
    public static IReadOnlyList<string> References(string html) =>
        Attribute().Matches(html).Select(m => m.Groups["value"].Value)
            .Concat(CssUrl().Matches(html).Select(m => m.Groups["value"].Value))
            .ToArray();

    private static byte[] DataUri(string src)
    {
        const string prefix = "data:image/png;base64,";
        src.Should().StartWith(prefix, "every image is an inline PNG");
        return Convert.FromBase64String(src[prefix.Length..]);
    }

    [GeneratedRegex("<img\\s+src=\"(?<src>[^\"]*)\"[^>]*?alt=\"(?<alt>[^\"]*)\"")]
    private static partial Regex ImageTag();

    [GeneratedRegex("\\s(?:src|href|action|poster|srcset)\\s*=\\s*[\"']?(?<value>[^\"'\\s>]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();

    [GeneratedRegex("url\\(\\s*[\"']?(?<value>[^\"')]*)", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrl();
}
