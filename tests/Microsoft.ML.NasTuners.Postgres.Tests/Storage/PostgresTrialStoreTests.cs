using Microsoft.ML.NasTuners.Pruning;
using Microsoft.ML.NasTuners.Storage;
using Microsoft.ML.NasTuners.Tests.Storage;
using Npgsql;

namespace Microsoft.ML.NasTuners.Postgres.Tests.Storage;

/// <summary>The store contract on a PostgreSQL schema, plus what only a server store does: share a study between
/// stores (processes), name its host in errors without the password.</summary>
public sealed class PostgresTrialStoreTests : TrialStoreContract, IDisposable
{
    private readonly Lazy<TestSchema> _schema = new(PostgresServer.CreateSchema);

    protected override ITrialStore CreateStore() => new PostgresTrialStore(_schema.Value.ConnectionString);

    public void Dispose()
    {
        if (_schema.IsValueCreated) _schema.Value.Dispose();
    }

    private static StudyTrial Running(double x = 0.5) => new()
    {
        Id = -1,
        Parameter = Parameter.CreateNestedParameter(new KeyValuePair<string, Parameter>("x", Parameter.FromDouble(x))),
    };

    [SkippableFact]
    public void Two_stores_on_one_database_see_each_others_trials_and_number_without_gaps()
    {
        using var first = CreateStore();
        using var second = CreateStore();
        first.CreateStudy("s");

        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            var store = t % 2 == 0 ? first : second;
            for (var i = 0; i < 25; i++) store.StartTrial("s", Running());
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        second.GetTrials("s").Select(t => t.Id).Should().Equal(Enumerable.Range(0, 100));
        first.FinishTrial("s", second.GetTrials("s")[7] with { Status = TrialStatus.Succeeded, Loss = -0.0 });
        double.IsNegative(second.GetTrials("s")[7].Loss).Should().BeTrue("-0 travels in binary and comes back as -0");
    }

    [SkippableFact]
    public void Keeps_trial_times_exact_to_the_tick()
    {
        using var store = CreateStore();
        store.CreateStudy("s");
        var start = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567);

        var trial = store.StartTrial("s", Running() with { StartedAtUtc = start });

        store.GetTrials("s").Single().StartedAtUtc.Should().Be(start, "a timestamp column would keep microseconds only");
        trial.StartedAtUtc.Should().Be(start);
    }

    [SkippableFact]
    public void A_database_of_the_schema_before_intermediate_values_opens_and_gains_them()
    {
        using (var store = CreateStore())
        {
            store.CreateStudy("old");
            store.StartTrial("old", Running());
        }
        // The schema before intermediate values is today's without their table: dropping it leaves a database as that
        // DDL created it, with a study and a running trial in it.
        using (var connection = new NpgsqlConnection(_schema.Value.ConnectionString))
        {
            connection.Open();
            using var drop = new NpgsqlCommand("DROP TABLE nastuners_intermediate_values;", connection);
            drop.ExecuteNonQuery();
        }

        using (var reopened = CreateStore())
        {
            reopened.GetTrials("old").Single().IntermediateValues.Should().BeEmpty();
            reopened.ReportIntermediateValue("old", 0, 1, 0.5);
        }
        using var again = CreateStore();
        again.GetTrials("old").Single().IntermediateValues.Should().Equal([new IntermediateValue(1, 0.5)]);
    }

    [Fact]
    public void An_unreachable_server_is_named_by_host_and_port_without_the_password()
    {
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        var open = () => new PostgresTrialStore("postgresql://someone:s3cret-pw@127.0.0.1:1/studies", attempts: 2, seed: 1);

        var error = open.Should().Throw<InvalidOperationException>().Which;
        error.Message.Should().Contain("127.0.0.1:1/studies").And.Contain("someone").And.NotContain("s3cret-pw");
    }
}
