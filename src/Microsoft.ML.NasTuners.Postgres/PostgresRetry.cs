using System.Net.Sockets;
using Npgsql;

namespace Microsoft.ML.NasTuners.Postgres;

/// <summary>
/// Runs one transaction again when the connection drops or the server asks for a retry (a serialization failure or a
/// deadlock), waiting longer each time: a worker on another machine rides out a restarting server or a lost network
/// path for <see cref="TotalWait"/> instead of losing its trial. Anything else (a bad password, a constraint, a rule
/// of the store) is thrown at once.
/// </summary>
/// <remarks>The waits double from <see cref="FirstWait"/> up to <see cref="LongestWait"/>, each stretched by a random
/// fraction so that workers cut off together do not all come back in the same instant. The fraction comes from a
/// seeded generator per store: no global state, and a test sees the same waits each run.</remarks>
internal sealed class PostgresRetry
{
    public static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(2);

    private readonly Random _jitter;
    private readonly object _gate = new();

    public PostgresRetry(int attempts, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        Attempts = attempts;
        _jitter = new Random(seed);
    }

    /// <summary>How many times a transaction is tried in all.</summary>
    public int Attempts { get; }

    /// <summary>The longest a call waits between its tries, summed (without the jitter).</summary>
    public TimeSpan TotalWait => Enumerable.Range(0, Attempts - 1).Aggregate(TimeSpan.Zero, (sum, k) => sum + Wait(k));

    /// <summary>Runs <paramref name="body"/>, again after a transient failure.</summary>
    public T Run<T>(Func<T> body)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return body();
            }
            catch (Exception e) when (attempt + 1 < Attempts && IsTransient(e))
            {
                double stretch;
                lock (_gate) stretch = 1 + 0.5 * _jitter.NextDouble();
                Thread.Sleep(Wait(attempt) * stretch);
            }
        }
    }

    /// <summary>A failure that trying again may cure: the connection was lost or refused, or the server rolled the
    /// transaction back for a conflict with another.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        // 40001 serialization failure, 40P01 deadlock, 57P01-03 the server shutting down or starting, 08xxx connection.
        PostgresException p => p.SqlState is "40001" or "40P01" or "57P01" or "57P02" or "57P03" || p.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException n => n.IsTransient || n.InnerException is SocketException or IOException or TimeoutException,
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    private static TimeSpan Wait(int attempt) =>
        TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, FirstWait.Ticks << Math.Min(attempt, 20)));
}
