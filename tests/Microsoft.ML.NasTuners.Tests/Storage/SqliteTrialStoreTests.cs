using Microsoft.Data.Sqlite;
using Microsoft.ML.NasTuners.Pruning;
using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Tests.Storage;

/// <summary>The contract on a SQLite file, plus what only a file can do: outlive its store, be shared, carry a version.</summary>
public sealed class SqliteTrialStoreTests : TrialStoreContract, IDisposable
{
    // Each test has its own file (xunit makes one instance per test), deleted with its WAL files afterwards.
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nastuners-store-" + Guid.NewGuid().ToString("N"));

    private string File => Path.Combine(_folder, "studies.db");

    protected override ITrialStore CreateStore() => new SqliteTrialStore(File);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private static StudyTrial Running(double x = 0.5) => new()
    {
        Id = -1,
        Parameter = Parameter.CreateNestedParameter(new KeyValuePair<string, Parameter>("x", Parameter.FromDouble(x))),
    };

    [Fact]
    public void Creates_the_file_and_its_folder_on_first_use()
    {
        using (var store = new SqliteTrialStore(File))
            store.Location.Should().Be(Path.GetFullPath(File));

        System.IO.File.Exists(File).Should().BeTrue();
    }

    [Fact]
    public void Keeps_studies_and_trials_after_the_store_is_closed()
    {
        StudyInfo study;
        StudyTrial finished, running;
        using (var store = new SqliteTrialStore(File))
        {
            study = store.CreateStudy("s", "{\"x\":1}", new Dictionary<string, string> { ["tuner"] = "tpe" });
            finished = store.StartTrial("s", Running()) with { Status = TrialStatus.Succeeded, Loss = double.PositiveInfinity, EndedAtUtc = DateTime.UtcNow };
            store.FinishTrial("s", finished);
            running = store.StartTrial("s", Running(0.7));
        }

        using var reopened = new SqliteTrialStore(File);
        reopened.FindStudy("s").Should().Be(study);
        reopened.GetTrials("s").Should().Equal(finished, running);
        reopened.StartTrial("s", Running()).Id.Should().Be(2);
    }

    [Fact]
    public void Two_stores_on_one_file_see_each_others_trials()
    {
        using var first = new SqliteTrialStore(File);
        using var second = new SqliteTrialStore("sqlite:" + File);
        first.CreateStudy("s");

        var started = second.StartTrial("s", Running());
        first.GetTrials("s").Should().Equal([started], "a trial is in the file as soon as it starts");
        first.FinishTrial("s", started with { Status = TrialStatus.Pruned, Loss = 2 });
        second.GetTrials("s").Single().Status.Should().Be(TrialStatus.Pruned);
        FluentActions.Invoking(() => second.CreateStudy("s")).Should().Throw<InvalidOperationException>();
        second.DeleteStudy("s").Should().BeTrue();
        first.ListStudies().Should().BeEmpty();
    }

    [Fact]
    public void Stores_on_one_file_number_trials_without_gaps()
    {
        using var first = new SqliteTrialStore(File);
        using var second = new SqliteTrialStore($"Data Source={File}");
        first.CreateStudy("s");
        using var start = new Barrier(4);

        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            var store = t % 2 == 0 ? first : second;
            start.SignalAndWait();
            for (var i = 0; i < 25; i++)
                store.StartTrial("s", Running());
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        first.GetTrials("s").Select(t => t.Id).Should().Equal(Enumerable.Range(0, 100));
    }

    [Fact]
    public void Keeps_infinities_apart_from_text_in_the_file()
    {
        using (var store = new SqliteTrialStore(File))
        {
            store.CreateStudy("s");
            var trial = store.StartTrial("s", Running());
            store.FinishTrial("s", trial with { Status = TrialStatus.Failed, Loss = double.NegativeInfinity, Metric = double.NaN });
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(loss), loss, typeof(metric) FROM trials;";
        using var reader = command.ExecuteReader();
        reader.Read().Should().BeTrue();
        reader.GetString(0).Should().Be("text", "SQLite has no literal for infinity, so it is kept as its round-trip text");
        reader.GetString(1).Should().Be("-Infinity");
        reader.GetString(2).Should().Be("null", "NaN means no value");
    }

    [Fact]
    public void Refuses_a_file_of_a_newer_schema()
    {
        using (var store = new SqliteTrialStore(File))
            store.CreateStudy("s");
        using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE schema_version SET version = 999;";
            command.ExecuteNonQuery().Should().Be(1);
        }

        FluentActions.Invoking(() => new SqliteTrialStore(File)).Should().Throw<InvalidOperationException>()
            .Where(e => e.Message.Contains("999") && e.Message.Contains("reads version 1") && e.Message.Contains(Path.GetFullPath(File)));
    }

    [Fact]
    public void Writes_schema_version_1_and_wal_mode()
    {
        using (new SqliteTrialStore(File))
        {
        }

        using var connection = Open();
        Scalar(connection, "SELECT version FROM schema_version;").Should().Be(1L);
        Scalar(connection, "SELECT COUNT(*) FROM schema_version;").Should().Be(1L);
        Scalar(connection, "PRAGMA journal_mode;").Should().Be("wal");
    }

    [Fact]
    public void Refuses_a_file_that_is_not_a_database()
    {
        Directory.CreateDirectory(_folder);
        System.IO.File.WriteAllText(File, "these are not the tables you are looking for, and this is long enough to be a header");

        FluentActions.Invoking(() => new SqliteTrialStore(File)).Should().Throw<InvalidOperationException>().WithMessage("*studies.db*");
    }

    [Fact]
    public void Refuses_a_location_that_names_no_file()
    {
        FluentActions.Invoking(() => new SqliteTrialStore("")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new SqliteTrialStore("sqlite:")).Should().Throw<ArgumentException>().WithMessage("*names no database*");
        FluentActions.Invoking(() => new SqliteTrialStore(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Refuses_calls_after_dispose()
    {
        var store = new SqliteTrialStore(File);
        store.Dispose();
        store.Dispose();

        FluentActions.Invoking(() => store.ListStudies()).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Opens_stores_from_storage_strings()
    {
        using (var memory = TrialStores.Open("memory"))
            memory.Should().BeOfType<InMemoryTrialStore>();
        using (var memory = TrialStores.Open("memory:"))
            memory.Should().BeOfType<InMemoryTrialStore>();

        using (var store = TrialStores.Open("sqlite:" + File))
        {
            store.Should().BeOfType<SqliteTrialStore>().Which.Location.Should().Be(Path.GetFullPath(File));
            store.CreateStudy("s");
        }

        foreach (var path in new[] { File, Path.Combine(_folder, "b.sqlite"), Path.Combine(_folder, "c.SQLITE3") })
        {
            using var store = TrialStores.Open(path);
            store.Should().BeOfType<SqliteTrialStore>().Which.Location.Should().Be(Path.GetFullPath(path));
        }

        using (var reopened = TrialStores.Open(File))
            reopened.FindStudy("s").Should().NotBeNull("the path and the sqlite: form open the same file");
    }

    // The tables as the first version-1 files had them, before intermediate values were kept.
    private const string SchemaBeforeIntermediateValues = """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        INSERT INTO schema_version (version) VALUES (1);
        CREATE TABLE studies (study_id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at_utc TEXT NOT NULL, search_space_json TEXT);
        CREATE TABLE study_attributes (study_id INTEGER NOT NULL REFERENCES studies(study_id) ON DELETE CASCADE,
            key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (study_id, key));
        CREATE TABLE trials (study_id INTEGER NOT NULL REFERENCES studies(study_id) ON DELETE CASCADE, trial_id INTEGER NOT NULL,
            parameter_json TEXT NOT NULL, budget, config_id INTEGER, previous_budget, status TEXT NOT NULL, loss, metric,
            spent_budget, duration_ms, error TEXT, started_at_utc TEXT NOT NULL, ended_at_utc TEXT, note TEXT,
            PRIMARY KEY (study_id, trial_id));
        CREATE INDEX trials_by_status ON trials (study_id, status);
        INSERT INTO studies (study_id, name, created_at_utc) VALUES (1, 'old', '2024-05-06T07:08:09.0000000Z');
        INSERT INTO trials (study_id, trial_id, parameter_json, status, loss, duration_ms, started_at_utc, ended_at_utc)
            VALUES (1, 0, '{"x":0.5}', 'Succeeded', 0.25, 10, '2024-05-06T07:08:09.0000000Z', '2024-05-06T07:08:10.0000000Z');
        INSERT INTO trials (study_id, trial_id, parameter_json, status, duration_ms, started_at_utc)
            VALUES (1, 1, '{"x":0.7}', 'Running', 0, '2024-05-06T07:08:11.0000000Z');
        """;

    [Fact]
    public void A_file_of_the_schema_before_intermediate_values_opens_and_gains_them()
    {
        Directory.CreateDirectory(_folder);
        using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = SchemaBeforeIntermediateValues;
            command.ExecuteNonQuery();
        }

        using (var store = new SqliteTrialStore(File))
        {
            var trials = store.GetTrials("old");
            trials.Select(t => t.Status).Should().Equal(TrialStatus.Succeeded, TrialStatus.Running);
            trials.Should().OnlyContain(t => t.IntermediateValues.Count == 0);
            store.ReportIntermediateValue("old", 1, 1, 0.5);
            store.ReportIntermediateValue("old", 1, 2, 0.375);
        }

        using var reopened = new SqliteTrialStore(File);
        reopened.GetTrials("old")[1].IntermediateValues.Should().Equal(new IntermediateValue(1, 0.5), new IntermediateValue(2, 0.375));
        using var check = Open();
        Scalar(check, "SELECT version FROM schema_version;").Should().Be(1L, "the table only adds, so the version stays");
    }

    [Theory]
    [InlineData("postgresql://localhost/studies")]
    [InlineData("studies.txt")]
    [InlineData("")]
    [InlineData("mem")]
    public void Names_the_accepted_storage_forms(string storage)
    {
        FluentActions.Invoking(() => TrialStores.Open(storage)).Should().Throw<ArgumentException>()
            .Where(e => e.Message.Contains("'memory'") && e.Message.Contains("sqlite:<path>") && e.Message.Contains(".sqlite3")
                        && e.Message.Contains("postgresql:// needs the Microsoft.ML.NasTuners.Postgres package"));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = File, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
