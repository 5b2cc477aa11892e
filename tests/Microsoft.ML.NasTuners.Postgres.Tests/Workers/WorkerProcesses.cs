using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Microsoft.ML.NasTuners.Postgres.Tests.Workers;

/// <summary><c>nas-tuners worker</c> processes of one study, their stderr lines collected as they come, and the
/// signals a test sends them (SIGKILL to crash one, SIGSTOP and SIGCONT to cut one off and bring it back).</summary>
internal sealed class WorkerProcesses : IDisposable
{
    private const int SigCont = 18;
    private const int SigStop = 19;

    private readonly string[] _args;
    private readonly List<Worker> _workers = [];

    public WorkerProcesses(string[] args) => _args = args;

    public IReadOnlyList<Worker> Workers => _workers;

    public Worker Start()
    {
        var process = DotnetChild.Start("nas-tuners.dll", _args);
        var worker = new Worker(process);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>Waits for every worker to exit by itself.</summary>
    public void WaitAll(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        foreach (var w in _workers)
        {
            var left = timeout - clock.Elapsed;
            if (left < TimeSpan.Zero || !w.Process.WaitForExit(left))
                throw new TimeoutException($"A worker was still running after {timeout}:\n{string.Join("\n", w.Lines.TakeLast(20))}");
            w.Process.WaitForExit(); // drains the output handlers
        }
    }

    public static void Stop(Worker w) => Check(kill(w.Process.Id, SigStop));

    public static void Continue(Worker w) => Check(kill(w.Process.Id, SigCont));

    public void Dispose()
    {
        foreach (var w in _workers)
        {
            if (!w.Process.HasExited)
            {
                kill(w.Process.Id, SigCont);
                w.Process.Kill(entireProcessTree: true);
            }
            w.Process.Dispose();
        }
    }

    private static void Check(int result)
    {
        if (result != 0) throw new InvalidOperationException($"kill failed: errno {Marshal.GetLastWin32Error()}");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <summary>One worker process and the lines it wrote to stderr and stdout, in order.</summary>
    internal sealed class Worker
    {
        private readonly BlockingCollection<string> _incoming = new();

        public Worker(Process process)
        {
            Process = process;
            process.ErrorDataReceived += (_, e) => Add(e.Data);
            process.OutputDataReceived += (_, e) => Add(e.Data);
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
        }

        public Process Process { get; }

        public ConcurrentQueue<string> Lines { get; } = new();

        /// <summary>Waits for the next line that <paramref name="match"/> accepts and returns it.</summary>
        public string WaitFor(Func<string, bool> match, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < timeout)
            {
                if (_incoming.TryTake(out var line, TimeSpan.FromMilliseconds(100)) && match(line)) return line;
                if (Process.HasExited && _incoming.Count == 0)
                    throw new InvalidOperationException($"The worker exited ({Process.ExitCode}) before the line came:\n{string.Join("\n", Lines.TakeLast(20))}");
            }
            throw new TimeoutException($"No such line within {timeout}:\n{string.Join("\n", Lines.TakeLast(20))}");
        }

        private void Add(string? line)
        {
            if (line is null) return;
            Lines.Enqueue(line);
            _incoming.Add(line);
        }
    }
}
