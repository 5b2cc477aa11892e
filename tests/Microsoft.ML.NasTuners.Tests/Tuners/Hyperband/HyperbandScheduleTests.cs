using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Tuners.Hyperband;

public class HyperbandScheduleTests
{
    [Fact]
    public void Budgets_1_to_81_with_eta_3_give_the_table_of_Li_et_al()
    {
        var schedule = new HyperbandSchedule(new HyperbandOptions { MinBudget = 1, MaxBudget = 81, Eta = 3 });

        schedule.MaxRungIndex.Should().Be(4);
        schedule.Budgets.Should().Equal(1, 3, 9, 27, 81);
        // Li et al. (2018), Table 1: (n_i, r_i) per bracket s = 4 .. 0.
        Rungs(schedule, 0).Should().Equal((81, 1), (27, 3), (9, 9), (3, 27), (1, 81));
        Rungs(schedule, 1).Should().Equal((34, 3), (11, 9), (3, 27), (1, 81));
        Rungs(schedule, 2).Should().Equal((15, 9), (5, 27), (1, 81));
        Rungs(schedule, 3).Should().Equal((8, 27), (2, 81));
        Rungs(schedule, 4).Should().Equal((5, 81));
        schedule.Brackets.Select(b => b.Index).Should().Equal(4, 3, 2, 1, 0);
    }

    [Theory]
    [InlineData(1, 81, 3)]
    [InlineData(9, 729, 3)]
    [InlineData(1, 27, 3)]
    [InlineData(1, 16, 2)]
    [InlineData(1, 100, 4)]
    [InlineData(0.5, 10, 3)]
    [InlineData(5, 5, 3)]
    [InlineData(1, 52, 3)]
    public void Brackets_and_budgets_follow_the_formulas(double min, double max, double eta)
    {
        var schedule = new HyperbandSchedule(new HyperbandOptions { MinBudget = min, MaxBudget = max, Eta = eta });

        // s_max = floor(log_eta(max/min)), computed here by repeated multiplication rather than logarithms.
        var sMax = 0;
        while (min * Math.Pow(eta, sMax + 1) <= max * (1 + 1e-12)) sMax++;
        schedule.MaxRungIndex.Should().Be(sMax);
        schedule.Budgets.Should().HaveCount(sMax + 1);
        for (var k = 0; k <= sMax; k++)
            schedule.Budgets[k].Should().BeApproximately(max / Math.Pow(eta, sMax - k), 1e-9 * max);
        schedule.Budgets[^1].Should().Be(max);
        schedule.Budgets[0].Should().BeGreaterThanOrEqualTo(min);

        schedule.Brackets.Should().HaveCount(sMax + 1);
        foreach (var bracket in schedule.Brackets)
        {
            var s = bracket.Index;
            var n = (int)Math.Ceiling((sMax + 1) / (double)(s + 1) * Math.Pow(eta, s) - 1e-9);
            bracket.Rungs.Should().HaveCount(s + 1);
            for (var i = 0; i <= s; i++)
            {
                bracket.Rungs[i].Configurations.Should().Be(Math.Max(1, (int)Math.Floor(n * Math.Pow(eta, -i) + 1e-9)));
                bracket.Rungs[i].Budget.Should().BeApproximately(max * Math.Pow(eta, i - s), 1e-9 * max);
            }
        }
    }

    [Fact]
    public void Rounded_budgets_are_whole_numbers_within_the_range()
    {
        var schedule = new HyperbandSchedule(new HyperbandOptions { MinBudget = 1, MaxBudget = 52, RoundBudgets = true });
        schedule.Budgets.Should().Equal(2, 6, 17, 52);
    }

    [Fact]
    public void Brackets_cycle()
    {
        var schedule = new HyperbandSchedule(new HyperbandOptions());
        schedule.BracketOf(5).Should().BeSameAs(schedule.Brackets[0]);
        schedule.BracketOf(7).Should().BeSameAs(schedule.Brackets[2]);
    }

    [Fact]
    public void A_bracket_totals_its_budget()
    {
        new HyperbandSchedule(new HyperbandOptions()).Brackets[0].TotalBudget.Should().Be(5 * 81);
    }

    [Theory]
    [InlineData(0, 81, 3, "MinBudget")]
    [InlineData(10, 5, 3, "MaxBudget")]
    [InlineData(1, 81, 1, "Eta")]
    [InlineData(1, double.PositiveInfinity, 3, "MaxBudget")]
    public void Invalid_options_throw_naming_the_option(double min, double max, double eta, string name)
    {
        FluentActions.Invoking(() => new HyperbandSchedule(new HyperbandOptions { MinBudget = min, MaxBudget = max, Eta = eta }))
            .Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == name && e.Message.Contains(name));
    }

    private static IEnumerable<(int, double)> Rungs(HyperbandSchedule schedule, int bracket) =>
        schedule.Brackets[bracket].Rungs.Select(r => (r.Configurations, r.Budget));
}
