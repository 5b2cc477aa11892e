namespace Microsoft.ML.NasTuners.Postgres.Tests.Storage;

public sealed class PostgresLocationTests
{
    [Fact]
    public void Reads_a_url_with_user_password_port_database_and_options()
    {
        var builder = PostgresLocation.Parse("postgresql://ann:p%40ss@db.example:6543/studies?sslmode=disable&Timeout=7");

        builder.Host.Should().Be("db.example");
        builder.Port.Should().Be(6543);
        builder.Username.Should().Be("ann");
        builder.Password.Should().Be("p@ss", "the URL's escapes are undone");
        builder.Database.Should().Be("studies");
        builder.Timeout.Should().Be(7);
        PostgresLocation.Describe(builder).Should().Be("db.example:6543/studies as ann");
    }

    [Fact]
    public void Takes_the_default_port_and_the_postgres_scheme()
    {
        var builder = PostgresLocation.Parse("postgres://u@localhost/d");

        builder.Port.Should().Be(5432);
        builder.Password.Should().BeNull();
    }

    [Fact]
    public void Reads_a_key_value_connection_string()
    {
        var builder = PostgresLocation.Parse("Host=h;Port=5433;Username=u;Password=secret;Database=d");

        PostgresLocation.Describe(builder).Should().Be("h:5433/d as u");
    }

    [Theory]
    [InlineData("postgresql://u:topsecret@h:5432", "no database")]
    [InlineData("Username=u;Password=topsecret;Database=d", "no host")]
    [InlineData("postgresql://u:topsecret@h/d?nosuchoption=1", "nosuchoption")]
    [InlineData("Host=h;Password=topsecret;Bogus Key=1", "neither")]
    public void Says_what_is_missing_and_never_shows_the_password(string text, string expected)
    {
        var error = FluentActions.Invoking(() => PostgresLocation.Parse(text)).Should().Throw<ArgumentException>().Which;

        error.Message.Should().Contain(expected).And.NotContain("topsecret");
    }
}
