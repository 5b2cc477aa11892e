using Microsoft.ML.SearchSpace;

namespace Microsoft.ML.NasTuners.Tests.SearchSpaces;

public class InvalidOptionTests
{
    public static TheoryData<string, Func<OptionBase>, string> InvalidOptions() => new()
    {
        { "int min > max", () => new UniformIntOption(5, 1), "min" },
        { "double min > max", () => new UniformDoubleOption(1.0, 0.5), "min" },
        { "single min > max", () => new UniformSingleOption(1f, 0.5f), "min" },
        { "int log with min 0", () => new UniformIntOption(0, 10, logBase: true), "min" },
        { "int log with negative min", () => new UniformIntOption(-3, 10, logBase: true), "min" },
        { "double log with min 0", () => new UniformDoubleOption(0, 1, logBase: true), "min" },
        { "single log with negative min", () => new UniformSingleOption(-1f, 1f, logBase: true), "min" },
        { "int default above max", () => new UniformIntOption(1, 10, defaultValue: 11), "defaultValue" },
        { "double default below min", () => new UniformDoubleOption(1, 10, defaultValue: 0.5), "defaultValue" },
        { "NaN bound", () => new UniformDoubleOption(double.NaN, 1), "min" },
        { "infinite bound", () => new UniformDoubleOption(0, double.PositiveInfinity), "max" },
        { "empty choice", () => new ChoiceOption(), "choices" },
        { "duplicate choice", () => new ChoiceOption("a", "b", "a"), "choices" },
        { "duplicate numeric choice", () => new ChoiceOption(1, 2.0, 2), "choices" },
        { "default not a choice", () => new ChoiceOption(["a", "b"], "c"), "defaultChoice" },
        { "null choice", () => new ChoiceOption("a", null!), "choices" },
        { "no branches", () => new ConditionalChoiceOption(), "branches" },
        { "duplicate branch", () => new ConditionalChoiceOption(("A", new NasTuners.SearchSpace()), ("A", new NasTuners.SearchSpace())), "branches" },
        { "default not a branch", () => new ConditionalChoiceOption([("A", new NasTuners.SearchSpace())], "B"), "defaultBranch" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_throw_an_ArgumentException_naming_the_parameter(string because, Func<OptionBase> create, string parameterName)
    {
        create.Should().Throw<ArgumentException>(because).Which.ParamName.Should().Be(parameterName);
    }

    [Fact]
    public void The_message_gives_the_allowed_range()
    {
        FluentActions.Invoking(() => new UniformIntOption(1, 10, defaultValue: 11))
            .Should().Throw<ArgumentException>().WithMessage("*11*[1, 10]*");
        FluentActions.Invoking(() => new UniformDoubleOption(0, 1, logBase: true))
            .Should().Throw<ArgumentException>().WithMessage("*min > 0*");
    }

    [Fact]
    public void A_search_space_rejects_a_branch_parameter_that_clashes_with_a_sibling()
    {
        var space = new NasTuners.SearchSpace { ["lr"] = new UniformDoubleOption(0, 1) };
        var clashing = new ConditionalChoiceOption(("A", new NasTuners.SearchSpace { ["lr"] = new UniformDoubleOption(0, 1) }));
        space.Invoking(s => s.Add("model", clashing)).Should().Throw<ArgumentException>().WithMessage("*'lr'*");
    }

    [Fact]
    public void A_branch_may_not_reuse_its_selector_name_nor_clash_with_another_conditional()
    {
        var space = new NasTuners.SearchSpace();
        space.Invoking(s => s.Add("model", new ConditionalChoiceOption(("A", new NasTuners.SearchSpace { ["model"] = new UniformDoubleOption(0, 1) }))))
            .Should().Throw<ArgumentException>().WithMessage("*selector's own name*");
        space.Add("first", new ConditionalChoiceOption(("A", new NasTuners.SearchSpace { ["x"] = new UniformDoubleOption(0, 1) })));
        space.Invoking(s => s.Add("second", new ConditionalChoiceOption(("B", new NasTuners.SearchSpace { ["x"] = new UniformDoubleOption(0, 1) }))))
            .Should().Throw<ArgumentException>().WithMessage("*'x'*twice*");
        space.Keys.Should().Equal("first");
    }

    [Fact]
    public void Two_branches_of_one_choice_may_reuse_a_parameter_name()
    {
        var space = new NasTuners.SearchSpace
        {
            ["model"] = new ConditionalChoiceOption(
                ("A", new NasTuners.SearchSpace { ["lr"] = new UniformDoubleOption(0, 1) }),
                ("B", new NasTuners.SearchSpace { ["lr"] = new UniformDoubleOption(1, 2) })),
        };
        space.ModelView.Dimensions.Select(d => d.Name).Should().Equal("model", "model:A.lr", "model:B.lr");
    }

    private sealed class BadRange
    {
        [Range(10, 1, 5)]
        public int Trees { get; set; }
    }

    private sealed class BadChoice
    {
        [Choice(new object[] { "a", "b" }, "z")]
        public string Kind { get; set; } = "a";
    }

    [Fact]
    public void Attribute_spaces_name_the_property_in_the_error()
    {
        FluentActions.Invoking(() => new SearchSpace<BadRange>()).Should().Throw<ArgumentException>().WithMessage("*'Trees'*");
        FluentActions.Invoking(() => new SearchSpace<BadChoice>()).Should().Throw<ArgumentException>().WithMessage("*'Kind'*");
    }

    [Fact]
    public void A_range_whose_width_overflows_is_refused_with_the_range_in_the_message()
    {
        FluentActions.Invoking(() => new UniformDoubleOption(-1e308, 1e308)).Should().Throw<ArgumentException>()
            .WithMessage("*[-1E+308, 1E+308]*too wide*").Which.ParamName.Should().Be("max");
        // The widest ranges that do fit stay allowed.
        new UniformDoubleOption(-1e308, 5e307).Max.Should().Be(5e307);
        new UniformDoubleOption(1e-300, 1e300, logBase: true).LogBase.Should().BeTrue();
    }

    [Fact]
    public void TPE_proposes_in_the_widest_range_that_fits_without_breaking()
    {
        var space = new SearchSpace { ["x"] = new UniformDoubleOption(-1e308, 5e307) };
        var tuner = new Microsoft.ML.NasTuners.Tuners.TpeTuner(space, null, 1);
        for (var id = 0; id < 30; id++)
        {
            var settings = new TrialSettings { TrialId = id };
            settings.Parameter = tuner.Propose(settings);
            var x = settings.Parameter["x"].AsDouble();
            x.Should().BeInRange(-1e308, 5e307);
            tuner.Update(new TrialResult { TrialSettings = settings, Loss = Math.Abs(x / 1e300) });
        }
    }
}
