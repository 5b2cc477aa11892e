using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Microsoft.ML.NasTuners.Visualization.Tests.Report;

/// <summary>
/// Headless Chromium driven over the DevTools protocol: it opens a page, waits for it to load and for its images to
/// decode, and reports what a user's browser would show: console errors, exceptions, blocked loads, every request the
/// page made, and a screenshot. Chromium runs with an unreachable proxy, so a page that needed the network would fail
/// to load its resources rather than quietly fetch them.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly ConcurrentQueue<(string Method, JsonNode? Params)> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>The browser found on PATH (or named by NASTUNERS_CHROMIUM), or null.</summary>
    public static string? Executable { get; } = Find();

    /// <summary>Why a browser test cannot run here, or null when it can.</summary>
    public static string? SkipReason => Executable is not null ? null
        : Environment.GetEnvironmentVariable("NASTUNERS_CHROMIUM") is { Length: > 0 } named
            ? $"NASTUNERS_CHROMIUM names {named}, which does not exist."
            : "Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it), or set NASTUNERS_CHROMIUM to its path.";

    public static async Task<HeadlessChromium> StartAsync(CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("nas-chromium-").FullName;
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(SkipReason))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                     "--proxy-server=127.0.0.1:9", $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
                 })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.ConnectAsync(cancellationToken);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Chromium writes its port to DevToolsActivePort in the profile once it listens; the page target's
    /// socket is listed at /json/list.</summary>
    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length == 0)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Chromium exited with code {_process.ExitCode} before it listened.");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Chromium did not open its DevTools port within 60 s.");
            await Task.Delay(100, cancellationToken);
        }
        var port = int.Parse(File.ReadAllLines(portFile)[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient();
        string? socketUrl = null;
        while (socketUrl is null)
        {
            var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list", cancellationToken))!.AsArray();
            socketUrl = targets.FirstOrDefault(t => (string?)t!["type"] == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
            if (socketUrl is null)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("Chromium opened no page.");
                await Task.Delay(100, cancellationToken);
            }
        }
        await _socket.ConnectAsync(new Uri(socketUrl), cancellationToken);
        _receiving = Task.Run(ReceiveAsync, CancellationToken.None);
    }

    /// <summary>Sends a command and returns its result; a protocol error throws.</summary>
    public async Task<JsonNode?> SendAsync(string method, object? parameters = null, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _socket.SendAsync(message, WebSocketMessageType.Text, true, _stop.Token);
        return await reply.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits until an event of that name has arrived.</summary>
    public async Task WaitForEventAsync(string method, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_events.Any(e => e.Method == method))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {method} within {timeout.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }

    /// <summary>Every event received so far, in order.</summary>
    public IReadOnlyList<(string Method, JsonNode? Params)> Events => _events.ToArray();

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult part;
                do
                {
                    part = await _socket.ReceiveAsync(buffer, _stop.Token);
                    message.Write(buffer, 0, part.Count);
                } while (!part.EndOfMessage && part.MessageType != WebSocketMessageType.Close);
                if (part.MessageType == WebSocketMessageType.Close) break;
                var node = JsonNode.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length))!;
                if (node["id"] is { } idNode && _pending.TryRemove(idNode.GetValue<int>(), out var reply))
                {
                    if (node["error"] is { } error) reply.TrySetException(new InvalidOperationException($"DevTools error: {error.ToJsonString()}"));
                    else reply.TrySetResult(node["result"]);
                }
                else if (node["method"] is { } method)
                {
                    _events.Enqueue((method.GetValue<string>(), node["params"]));
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The browser went away or the test ended; pending commands fail below.
        }
        foreach (var reply in _pending.Values) reply.TrySetException(new InvalidOperationException("The DevTools connection closed."));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException)
        {
            // Closing is a courtesy; the process is killed next.
        }
        await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _process.Dispose();
        _socket.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A crash reporter may still hold a file; the temp folder is cleaned by the system.
        }
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("NASTUNERS_CHROMIUM") is { Length: > 0 } named) return File.Exists(named) ? named : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => Names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }
}
