namespace Microsoft.ML.NasTuners.Visualization.Tests.Report;

/// <summary>A fact that needs a real browser: skipped, with the reason, where Chromium is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = HeadlessChromium.SkipReason;
}
