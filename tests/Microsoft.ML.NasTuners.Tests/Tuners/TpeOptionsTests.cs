using Microsoft.ML.NasTuners.Tests.SearchSpaces;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Tuners;

public class TpeOptionsTests
{
    [Theory]
    [InlineData(0, "in [0, 1]")]
    [InlineData(-1, "in [0, 0]")]
    [InlineData(5, "in [0, 0]")]
    public void A_gamma_outside_the_trial_count_is_refused_when_the_tuner_is_built(int offset, string message)
    {
        Func<int, int> gamma = offset switch
        {
            0 => n => n == 1 ? 2 : 0,  // too many good trials for one trial
            -1 => _ => -1,
            _ => n => n + 5,
        };
        var space = new SearchSpace { ["x"] = new UniformDoubleOption(0, 1) };
        FluentActions.Invoking(() => new TpeTuner(space, new TpeOptions { Gamma = gamma }))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage($"*Gamma*{message}*").Which.ParamName.Should().Be("Gamma");
    }

    [Fact]
    public void Weights_of_the_wrong_length_or_sign_are_refused_when_the_tuner_is_built()
    {
        var space = new SearchSpace { ["x"] = new UniformDoubleOption(0, 1) };
        FluentActions.Invoking(() => new TpeTuner(space, new TpeOptions { Weights = n => new double[Math.Max(0, n - 1)] }))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Weights(1) must return 1 weights*");
        FluentActions.Invoking(() => new TpeTuner(space, new TpeOptions { Weights = n => Enumerable.Repeat(-1.0, n).ToArray() }))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*non-negative*");
    }
}
