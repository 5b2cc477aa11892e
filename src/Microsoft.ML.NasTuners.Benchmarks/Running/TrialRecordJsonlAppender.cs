using System.Text;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// Writes trial records to a JSON Lines file (<see cref="TrialRecordJsonl"/>) as they come, from any number of threads,
/// so that a benchmark that is stopped, killed or fails keeps what it had done. Each line is written whole under a
/// lock, so lines of different runs may interleave but never mix; what was written reaches the operating system at
/// every <see cref="Flush"/> and otherwise within <see cref="FlushInterval"/>, so a killed process loses at most that
/// last second and leaves at most its last line partial.
/// </summary>
public sealed class TrialRecordJsonlAppender : IDisposable
{
    /// <summary>The longest a written line waits in memory before it is flushed to the file.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private readonly object _gate = new();
    private readonly StreamWriter _writer;
    // A thread of its own rather than a timer: a timer's callback waits for a thread-pool thread, and runs that block
    // pool threads (a benchmark's, or a test suite's) delayed it by seconds, past the promised interval.
    private readonly Thread _flusher;
    private readonly ManualResetEventSlim _stopping = new();
    private bool _unflushed;
    private bool _disposed;
    private long _written;

    /// <summary>Opens <paramref name="path"/> for writing: replacing it, or appending to it when
    /// <paramref name="append"/> is set (creating it in both cases when it does not exist).</summary>
    /// <exception cref="IOException">The file cannot be opened (its directory is missing, for example).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written, or is a directory.</exception>
    public TrialRecordJsonlAppender(string path, bool append)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        // Others may read the file while it grows: a test, or `tail -f`.
        var stream = new FileStream(path, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _flusher = new Thread(FlushPeriodically) { IsBackground = true, Name = "JSON Lines flush" };
        _flusher.Start();
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The number of records appended through this instance.</summary>
    public long Written
    {
        get
        {
            lock (_gate) return _written;
        }
    }

    /// <summary>Appends one line for <paramref name="record"/>; safe to call from several threads at once.</summary>
    /// <exception cref="IOException">Writing failed.</exception>
    public void Append(TrialRecord record)
    {
        // Serialised outside the lock: it is the expensive part and needs nothing shared.
        var line = TrialRecordJsonl.ToJson(record);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer.Write(line);
            _writer.Write('\n');
            _unflushed = true;
            _written++;
        }
    }

    /// <summary>Hands everything appended so far to the operating system.</summary>
    /// <exception cref="IOException">Writing failed.</exception>
    public void Flush()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer.Flush();
            _unflushed = false;
        }
    }

    /// <summary>Flushes and closes the file. It reports no write error (the stream may already be broken by the error
    /// being handled); call <see cref="Flush"/> first to learn of one.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        _stopping.Set();
        _flusher.Join();
        _stopping.Dispose();
        lock (_gate)
        {
            try
            {
                _writer.Dispose();
            }
            catch (IOException)
            {
                // Disposing runs while another error is being handled; that error is the one to report.
            }
        }
    }

    private void FlushPeriodically()
    {
        while (!_stopping.Wait(FlushInterval)) FlushQuietly();
    }

    // On the flushing thread there is nobody to tell; a broken stream fails again at the next Flush, which reports it.
    private void FlushQuietly()
    {
        lock (_gate)
        {
            if (_disposed || !_unflushed) return;
            try
            {
                _writer.Flush();
                _unflushed = false;
            }
            catch (IOException)
            {
            }
        }
    }
}
