using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Postgres.Tests.Cli;

/// <summary><c>nas-tuners study list|show|export</c> on a PostgreSQL URL, run as the tool's own process.</summary>
public sealed class StudyCommandOnPostgresTests : IDisposable
{
    private readonly Lazy<TestSchema> _schema = new(PostgresServer.CreateSchema);

    public void Dispose()
    {
        if (_schema.IsValueCreated) _schema.Value.Dispose();
    }

    [SkippableFact]
    public void Lists_shows_and_exports_a_study_kept_in_postgres()
    {
        PostgresServer.Require();
        var url = _schema.Value.Url;
        Skip.If(url is null, $"{PostgresServer.Variable} is a key=value string; these tests need a postgresql:// URL.");
        using (var store = new PostgresTrialStore(url!))
        {
            store.CreateStudy("shown", null, new Dictionary<string, string> { ["tuner"] = "tpe" });
            var trial = store.StartTrial("shown", new StudyTrial
            {
                Id = -1,
                Parameter = Parameter.CreateNestedParameter(new KeyValuePair<string, Parameter>("x", Parameter.FromDouble(0.25))),
            });
            store.FinishTrial("shown", trial with { Status = TrialStatus.Succeeded, Loss = 1.5 });
            store.StartTrial("shown", trial with { Id = -1 });
        }
        var password = PostgresLocation.Parse(url!).Password;

        var list = Run("study", "list", "--storage", url!);
        var show = Run("study", "show", "--storage", url!, "--study", "shown");
        var export = Run("study", "export", "--storage", url!, "--study", "shown", "--format", "csv");
        var missing = DotnetChild.Run("nas-tuners.dll", ["study", "show", "--storage", url!, "--study", "nope"], TimeSpan.FromMinutes(1));

        list.Should().Contain("shown").And.Contain("1.5");
        show.Should().Contain("tuner: tpe").And.Contain("1 succeeded").And.Contain("1 running");
        export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3, "a header and two trials");
        missing.ExitCode.Should().NotBe(0);
        missing.Stderr.Should().Contain("nope").And.Contain("PostgreSQL");
        // The test role's password may equal its name, so look for the password as a URL or a connection string holds it.
        if (!string.IsNullOrEmpty(password)) missing.Stderr.Should().NotContain($":{password}@").And.NotContain("Password", "an error names the server, never the password");
    }

    private static string Run(params string[] args)
    {
        var (exitCode, stdout, stderr) = DotnetChild.Run("nas-tuners.dll", args, TimeSpan.FromMinutes(1));
        exitCode.Should().Be(0, stderr);
        return stdout;
    }
}
