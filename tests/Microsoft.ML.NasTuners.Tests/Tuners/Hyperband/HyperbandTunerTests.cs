using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Tuners.Hyperband;

public class HyperbandTunerTests
{
    private static HyperbandTuner Tuner(double min = 1, double max = 81, double eta = 3, bool asynchronous = false, int seed = 0) =>
        new(TunerDriver.Space(), new HyperbandOptions { MinBudget = min, MaxBudget = max, Eta = eta, Asynchronous = asynchronous }, seed);

    // A loss that depends only on the configuration, so the same configuration scores the same at every budget.
    private static double Loss(TrialSettings s) => s.Parameter["x"].AsDouble();

    [Fact]
    public void Sequential_runs_follow_the_brackets_rung_by_rung()
    {
        var driver = new TunerDriver(Tuner());
        var schedule = new HyperbandSchedule(new HyperbandOptions());
        var run = driver.RunSequentially(schedule.Brackets.Sum(b => b.Rungs.Sum(r => r.Configurations)) + 3, Loss);

        var expected = schedule.Brackets.SelectMany(b => b.Rungs.SelectMany(r => Enumerable.Repeat(r.Budget, r.Configurations)))
            .Concat(Enumerable.Repeat(1.0, 3)); // the next iteration starts bracket s_max again
        run.Select(s => s.Budget!.Value).Should().Equal(expected);
    }

    [Fact]
    public void Successive_halving_promotes_exactly_the_best_one_in_eta()
    {
        var driver = new TunerDriver(Tuner());
        var rung0 = driver.RunSequentially(81, Loss);
        var rung1 = driver.RunSequentially(27, Loss);
        var rung2 = driver.RunSequentially(9, Loss);

        var best27 = rung0.OrderBy(Loss).Take(27).Select(s => s.ConfigId).ToHashSet();
        rung1.Select(s => s.ConfigId).Should().BeEquivalentTo(best27);
        rung1.Should().OnlyContain(s => s.Budget == 3 && s.PreviousBudget == 1);
        rung2.Select(s => s.ConfigId).Should().BeEquivalentTo(rung1.OrderBy(Loss).Take(9).Select(s => s.ConfigId));
        rung2.Should().OnlyContain(s => s.Budget == 9 && s.PreviousBudget == 3);
    }

    [Fact]
    public void Promotions_keep_the_config_id_and_parameter_and_new_configurations_get_new_ids()
    {
        var driver = new TunerDriver(Tuner());
        var run = driver.RunSequentially(400, Loss);

        var fresh = run.Where(s => s.PreviousBudget is null).ToArray();
        fresh.Select(s => s.ConfigId).Should().OnlyHaveUniqueItems();
        fresh.Select(s => s.ConfigId!.Value).Should().Equal(Enumerable.Range(0, fresh.Length));
        foreach (var promoted in run.Where(s => s.PreviousBudget is not null))
        {
            var origin = run.Single(s => s.ConfigId == promoted.ConfigId && s.Budget == promoted.PreviousBudget);
            promoted.Parameter.Equals(origin.Parameter).Should().BeTrue();
            origin.TrialId.Should().BeLessThan(promoted.TrialId);
        }
    }

    [Fact]
    public void Failed_trials_are_never_promoted()
    {
        var driver = new TunerDriver(Tuner(min: 1, max: 9));
        // Bracket s = 2: 9 configurations at budget 1, then 3 at 3. Fail the five best.
        var rung0 = new List<TrialSettings>();
        for (var i = 0; i < 9; i++)
        {
            var s = driver.Propose();
            rung0.Add(s);
        }
        var failed = rung0.OrderBy(Loss).Take(5).ToHashSet();
        foreach (var s in rung0)
            driver.Report(s, failed.Contains(s) ? double.NaN : Loss(s), failed.Contains(s) ? TrialStatus.Failed : TrialStatus.Succeeded);

        var next = Enumerable.Range(0, 3).Select(_ => driver.Propose()).ToArray();
        next.Select(s => s.ConfigId).Should().BeEquivalentTo(rung0.Except(failed).OrderBy(Loss).Take(3).Select(s => s.ConfigId));
    }

    [Fact]
    public void While_a_rung_waits_work_comes_from_the_next_bracket()
    {
        var driver = new TunerDriver(Tuner(min: 1, max: 9));
        // Bracket s = 2 has 9 configurations at budget 1; propose all without reporting, then one more.
        var first = Enumerable.Range(0, 9).Select(_ => driver.Propose()).ToArray();
        first.Should().OnlyContain(s => s.Budget == 1);
        var extra = driver.Propose();
        // Bracket s = 1 starts: ceil(3 * 3 / 2) = 5 configurations at budget 3.
        extra.Budget.Should().Be(3);
        extra.PreviousBudget.Should().BeNull();

        foreach (var s in first) driver.Report(s, Loss(s));
        // Bracket s = 2's rung is complete: its promotions come before more of bracket s = 1.
        var promoted = driver.Propose();
        promoted.Budget.Should().Be(3);
        promoted.PreviousBudget.Should().Be(1);
        promoted.ConfigId.Should().Be(first.MinBy(Loss)!.ConfigId);
    }

    [Fact]
    public void Asha_starts_at_the_smallest_budget_and_promotes_the_best_one_in_eta_without_waiting()
    {
        var driver = new TunerDriver(Tuner(asynchronous: true));
        var a = driver.Propose();
        var b = driver.Propose();
        a.Budget.Should().Be(1);
        b.Budget.Should().Be(1);
        driver.Report(a, 0.5);
        driver.Report(b, 0.9);
        // Two results: floor(2/3) = 0 promotable, so a new configuration.
        driver.Propose().Budget.Should().Be(1);
        var c = driver.Proposed[^1];
        driver.Report(c, 0.7);
        // Three results: the best (a) is promotable.
        var promoted = driver.Propose();
        promoted.ConfigId.Should().Be(a.ConfigId);
        promoted.Budget.Should().Be(3);
        promoted.PreviousBudget.Should().Be(1);
        promoted.Parameter.Equals(a.Parameter).Should().BeTrue();
        // a is promoted once only.
        driver.Propose().PreviousBudget.Should().BeNull();
    }

    [Fact]
    public void Asha_reaches_the_full_budget()
    {
        var driver = new TunerDriver(Tuner(asynchronous: true));
        var run = driver.RunSequentially(300, Loss);
        run.Should().Contain(s => s.Budget == 81);
        run.Where(s => s.PreviousBudget is null).Select(s => s.ConfigId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_same_seed_gives_the_same_proposals()
    {
        static IEnumerable<string> Run(int seed) => new TunerDriver(Tuner(seed: seed)).RunSequentially(150, Loss)
            .Select(s => $"{s.ConfigId} {s.Budget} {s.Parameter}");
        Run(3).Should().Equal(Run(3));
        Run(3).Should().NotEqual(Run(4));
    }

    [Fact]
    public void Results_it_did_not_propose_are_ignored()
    {
        var tuner = Tuner();
        tuner.Update(new TrialResult { TrialSettings = new TrialSettings { TrialId = 99, Budget = 5 }, Loss = 1 });
        tuner.Propose(new TrialSettings { TrialId = 0 }).Should().NotBeNull();
    }

    [Fact]
    public void The_budget_range_is_the_options_range()
    {
        Tuner(min: 2, max: 50).BudgetRange.Should().Be(new BudgetRange(2, 50));
        new HyperbandTuner(TunerDriver.Space()).BudgetRange.Should().Be(new BudgetRange(1, 81));
    }
}
