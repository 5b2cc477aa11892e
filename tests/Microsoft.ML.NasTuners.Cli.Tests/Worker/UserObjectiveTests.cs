using Microsoft.ML.NasTuners.Cli.Worker;

namespace Microsoft.ML.NasTuners.Cli.Tests.Worker;

/// <summary>An objective a user names for <c>nas-tuners worker --objective path.dll:Type.Method</c>: this very
/// assembly holds them.</summary>
public static class SampleObjectives
{
    public static SearchSpace SearchSpace { get; } = new() { ["x"] = new UniformDoubleOption(-2, 2) };

    public static double Square(Parameter parameter) => parameter["x"].AsDouble() * parameter["x"].AsDouble();

    public static async Task<double> SquareLater(Parameter parameter, TrialSettings trial, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return Square(parameter) + trial.TrialId;
    }

    public static string Wrong(Parameter parameter) => parameter.ToString();
}

public class UserObjectiveTests
{
    private static readonly string Assembly = typeof(SampleObjectives).Assembly.Location;
    private static readonly string Type = typeof(SampleObjectives).FullName!;

    private static TrialSettings Trial(double x, int id = 0) => new() { TrialId = id, Parameter = Parameter.CreateNestedParameter(new KeyValuePair<string, Parameter>("x", Parameter.FromDouble(x))) };

    [Fact]
    public async Task A_static_method_of_a_users_assembly_is_the_objective_over_its_types_search_space()
    {
        var objective = UserObjective.Load($"{Assembly}:{Type}.Square");

        objective.Name.Should().Be($"{Type}.Square");
        objective.SearchSpace.Keys.Should().Equal("x");
        (await objective.EvaluateAsync(Trial(1.5), CancellationToken.None)).Should().Be(2.25);
    }

    [Fact]
    public async Task It_may_take_the_trial_and_a_token_and_return_a_task()
    {
        var objective = UserObjective.Load($"{Assembly}:{Type}.SquareLater");

        (await objective.EvaluateAsync(Trial(2, id: 3), CancellationToken.None)).Should().Be(7);
    }

    [Theory]
    [InlineData("no-colon", "takes path/to/Assembly.dll:Namespace.Type.Method")]
    [InlineData("/nowhere/x.dll:A.B.C", "no assembly at")]
    public void A_bad_spec_or_a_missing_assembly_says_what_is_wrong(string spec, string message)
    {
        FluentActions.Invoking(() => UserObjective.Load(spec)).Should().Throw<ArgumentException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void A_missing_type_or_a_method_of_the_wrong_shape_is_named()
    {
        FluentActions.Invoking(() => UserObjective.Load($"{Assembly}:No.Such.Type.Go")).Should().Throw<ArgumentException>().WithMessage("*no public type No.Such.Type*");
        FluentActions.Invoking(() => UserObjective.Load($"{Assembly}:{Type}.Wrong")).Should().Throw<ArgumentException>().WithMessage("*no public static Wrong(Parameter*");
    }
}
