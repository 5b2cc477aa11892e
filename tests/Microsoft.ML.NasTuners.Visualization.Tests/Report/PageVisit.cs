using System.Text.Json.Nodes;

namespace Microsoft.ML.NasTuners.Visualization.Tests.Report;

/// <summary>What a browser saw on opening a page: its images, the problems it logged, the requests it made, and a
/// screenshot of the whole page.</summary>
internal sealed record PageVisit(
    IReadOnlyList<PageImage> Images,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> RequestedUrls,
    byte[] Screenshot,
    double PageHeight)
{
    /// <summary>Opens <paramref name="path"/> in headless Chromium at a 1280-pixel-wide window.</summary>
    public static async Task<PageVisit> OpenAsync(string path)
    {
        await using var browser = await HeadlessChromium.StartAsync(CancellationToken.None);
        foreach (var domain in new[] { "Runtime", "Log", "Network", "Page" })
            await browser.SendAsync($"{domain}.enable");
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 1280, height = 900, deviceScaleFactor = 1, mobile = false });
        await browser.SendAsync("Page.navigate", new { url = new Uri(Path.GetFullPath(path)).AbsoluteUri });
        await browser.WaitForEventAsync("Page.loadEventFired", TimeSpan.FromSeconds(60));
        // decode() settles once an image is decoded, and rejects when it cannot be: wait for all of them.
        var decoded = await browser.SendAsync("Runtime.evaluate", new
        {
            expression = "Promise.allSettled(Array.from(document.images).map(i => i.decode())).then(r => JSON.stringify(Array.from(document.images).map((i, k) => ({ alt: i.alt, complete: i.complete, width: i.naturalWidth, height: i.naturalHeight, decoded: r[k].status === 'fulfilled' }))))",
            awaitPromise = true,
            returnByValue = true,
        });
        var images = JsonNode.Parse(decoded!["result"]!["value"]!.GetValue<string>())!.AsArray()
            .Select(i => new PageImage((string)i!["alt"]!, (bool)i["complete"]!, (int)i["width"]!, (int)i["height"]!, (bool)i["decoded"]!))
            .ToArray();
        var metrics = await browser.SendAsync("Page.getLayoutMetrics");
        var height = (double)metrics!["cssContentSize"]!["height"]!;
        var shot = await browser.SendAsync("Page.captureScreenshot", new
        {
            format = "png",
            captureBeyondViewport = true,
            clip = new { x = 0, y = 0, width = 1280, height, scale = 1 },
        });
        var events = browser.Events;
        var problems = events.SelectMany(Problem).ToArray();
        var requests = events.Where(e => e.Method == "Network.requestWillBeSent")
            .Select(e => (string)e.Params!["request"]!["url"]!).ToArray();
        return new PageVisit(images, problems, requests, Convert.FromBase64String((string)shot!["data"]!), height);
    }

    // Console errors, uncaught exceptions and the browser's own error entries (a blocked or failed load lands there).
    private static IEnumerable<string> Problem((string Method, JsonNode? Params) e) => e.Method switch
    {
        "Runtime.consoleAPICalled" when (string?)e.Params!["type"] is "error" or "assert" =>
            [$"console.{e.Params["type"]}: {e.Params["args"]?.ToJsonString()}"],
        "Runtime.exceptionThrown" => [$"exception: {e.Params!["exceptionDetails"]?.ToJsonString()}"],
        "Log.entryAdded" when (string?)e.Params!["entry"]!["level"] == "error" => [$"log: {e.Params["entry"]!["text"]} ({e.Params["entry"]!["url"]})"],
        "Network.loadingFailed" => [$"load failed: {e.Params!["errorText"]}"],
        _ => [],
    };
}

/// <summary>An &lt;img&gt; of the page as the browser decoded it.</summary>
internal sealed record PageImage(string Alt, bool Complete, int NaturalWidth, int NaturalHeight, bool Decoded);
