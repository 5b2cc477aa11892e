using System.Text;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public sealed class TrialRecordJsonlAppenderTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"nas-tuners-appender-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_path);

    private static IReadOnlyList<TrialRecord> Records(int seed, int trials) =>
        BenchmarkRunner.RunOne(new BraninProblem(), "random", new Tuners.RandomSearchTuner(new BraninProblem().SearchSpace, seed), seed, trials);

    // Read as another process would while the file is open for writing.
    private string ReadShared()
    {
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public void Lines_from_several_threads_stay_whole_and_each_thread_keeps_its_order()
    {
        var runs = Enumerable.Range(1, 4).Select(seed => Records(seed, 300)).ToArray();
        using (var appender = new TrialRecordJsonlAppender(_path, append: false))
        {
            Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, records =>
            {
                foreach (var record in records) appender.Append(record);
            });
            appender.Written.Should().Be(1200);
        }

        using var reader = File.OpenText(_path);
        var read = TrialRecordJsonl.Read(reader).ToArray();
        read.Should().HaveCount(1200);
        foreach (var run in read.GroupBy(r => r.Seed))
            run.Select(r => r.Trial).Should().Equal(Enumerable.Range(0, 300));
    }

    [Fact]
    public void A_line_is_the_same_as_TrialRecordJsonl_writes_it()
    {
        var records = Records(7, 20);
        using (var appender = new TrialRecordJsonlAppender(_path, append: false))
        {
            foreach (var record in records) appender.Append(record);
        }
        var expected = new StringWriter();
        TrialRecordJsonl.Write(expected, records);

        File.ReadAllBytes(_path).Should().Equal(new UTF8Encoding(false).GetBytes(expected.ToString()));
    }

    [Fact]
    public void What_was_appended_reaches_the_file_within_a_second_without_a_flush()
    {
        using var appender = new TrialRecordJsonlAppender(_path, append: false);
        foreach (var record in Records(3, 5)) appender.Append(record);

        var deadline = DateTime.UtcNow + TrialRecordJsonlAppender.FlushInterval + TimeSpan.FromSeconds(2);
        while (ReadShared().Count(c => c == '\n') < 5 && DateTime.UtcNow < deadline) Thread.Sleep(50);

        ReadShared().Count(c => c == '\n').Should().Be(5, "the timer flushes what waits in the buffer");
    }

    [Fact]
    public void Appending_keeps_the_file_and_replacing_empties_it()
    {
        using (var first = new TrialRecordJsonlAppender(_path, append: false))
            foreach (var record in Records(1, 4)) first.Append(record);
        using (var second = new TrialRecordJsonlAppender(_path, append: true))
            foreach (var record in Records(2, 3)) second.Append(record);
        File.ReadAllLines(_path).Should().HaveCount(7);

        using (new TrialRecordJsonlAppender(_path, append: false))
        {
        }
        File.ReadAllText(_path).Should().BeEmpty();
    }

    [Fact]
    public void A_file_in_a_missing_directory_cannot_be_opened()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "out.jsonl");
        FluentActions.Invoking(() => new TrialRecordJsonlAppender(path, append: true)).Should().Throw<IOException>();
    }
}
