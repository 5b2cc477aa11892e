using Microsoft.ML.NasTuners.Tests.SearchSpaces;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Tuners;

public class TpeTunerTests
{
    private static SearchSpace Quadratic2D() => new()
    {
        ["x"] = new UniformDoubleOption(-5, 5),
        ["y"] = new UniformDoubleOption(-5, 5),
    };

    private static double Quadratic(Parameter p)
    {
        var x = p["x"].AsDouble() - 1.3;
        var y = p["y"].AsDouble() + 2.1;
        return x * x + 2 * y * y;
    }

    private static double Mixed3Loss(Parameter p) => p["branch"].AsString() switch
    {
        "A" => 1 + Math.Pow(Math.Log10(p["A_C"].AsDouble()) - 1, 2),
        "B" => 0.5 + Math.Pow(Math.Log10(p["B_lr"].AsDouble()) + 2, 2) + 0.01 * Math.Pow(p["B_depth"].AsDouble() - 4, 2),
        _ => 2 + p["C_dropout"].AsDouble(),
    };

    private static TrialResult Result(int id, Parameter parameter, double loss, TrialStatus status = TrialStatus.Succeeded) => new()
    {
        TrialSettings = new TrialSettings { TrialId = id, Parameter = parameter },
        Loss = loss,
        Status = status,
    };

    private static List<string> Run(ITuner tuner, Func<Parameter, double> objective, int trials)
    {
        var proposals = new List<string>();
        for (var id = 0; id < trials; id++)
        {
            var p = tuner.Propose(new TrialSettings { TrialId = id });
            proposals.Add(p.ToString());
            tuner.Update(Result(id, p, objective(p)));
        }
        return proposals;
    }

    private static double Best(ITuner tuner, Func<Parameter, double> objective, int trials)
    {
        var best = double.PositiveInfinity;
        for (var id = 0; id < trials; id++)
        {
            var p = tuner.Propose(new TrialSettings { TrialId = id });
            var loss = objective(p);
            best = Math.Min(best, loss);
            tuner.Update(Result(id, p, loss));
        }
        return best;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_same_seed_and_history_give_the_same_proposals(bool multivariate)
    {
        var options = new TpeOptions { Multivariate = multivariate };
        var first = Run(new TpeTuner(TestSpaces.Mixed3(), options, seed: 42), Mixed3Loss, 40);
        var second = Run(new TpeTuner(TestSpaces.Mixed3(), options, seed: 42), Mixed3Loss, 40);
        var other = Run(new TpeTuner(TestSpaces.Mixed3(), options, seed: 43), Mixed3Loss, 40);
        second.Should().Equal(first);
        other.Should().NotEqual(first);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Proposals_in_a_conditional_space_hold_exactly_the_active_branch(bool multivariate)
    {
        var space = TestSpaces.Mixed3();
        var tuner = new TpeTuner(space, new TpeOptions { Multivariate = multivariate }, seed: 3);
        var branches = new HashSet<string>();
        for (var id = 0; id < 60; id++)
        {
            var p = tuner.Propose(new TrialSettings { TrialId = id });
            var branch = p["branch"].AsString();
            branches.Add(branch);
            p.Keys.Where(k => k != "branch").Should().OnlyContain(k => k.StartsWith(branch + "_"));
            space.Invoking(s => s.MappingToFeatureSpace(p)).Should().NotThrow();
            tuner.Update(Result(id, p, Mixed3Loss(p)));
        }
        branches.Should().HaveCount(3);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pending_proposals_are_distinct(bool multivariate)
    {
        var tuner = new TpeTuner(Quadratic2D(), new TpeOptions { Multivariate = multivariate }, seed: 5);
        Run(tuner, Quadratic, 30);
        var pending = Enumerable.Range(30, 4).Select(id => tuner.Propose(new TrialSettings { TrialId = id }).ToString()).ToList();
        pending.Should().OnlyHaveUniqueItems();
        tuner.SplitOf(0).Bad.Select(t => t.Id).Should().Contain([30, 31, 32, 33], "pending trials count as bad");
    }

    [Fact]
    public void Pending_proposals_repel_later_ones()
    {
        // With a pending point, the model's next proposal in the same state moves away from it.
        var withLiar = new TpeTuner(Quadratic2D(), seed: 9);
        var withoutLiar = new TpeTuner(Quadratic2D(), new TpeOptions { ConstantLiar = false }, seed: 9);
        Run(withLiar, Quadratic, 30);
        Run(withoutLiar, Quadratic, 30);
        withoutLiar.SplitOf(0).Bad.Should().NotContain(t => t.Id >= 30);
        withLiar.Propose(new TrialSettings { TrialId = 30 });
        withLiar.SplitOf(0).Bad.Select(t => t.Id).Should().Contain(30);
    }

    private static SearchSpace SmallDiscrete() => new()
    {
        ["a"] = new UniformIntOption(0, 3),
        ["b"] = new ChoiceOption("u", "v", "w"),
    };

    private static double SmallDiscreteLoss(Parameter p) => Math.Abs(p["a"].AsDouble() - 1) + (p["b"].AsString() == "v" ? 0 : 1);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Four_pending_proposals_are_pairwise_distinct_even_in_a_space_of_twelve_points(bool multivariate)
    {
        // In a tiny discrete space TPE proposes the favourite point again and again; while a copy of it is pending, it must not.
        for (var seed = 0; seed < 20; seed++)
        {
            var tuner = new TpeTuner(SmallDiscrete(), new TpeOptions { Multivariate = multivariate }, seed);
            Run(tuner, SmallDiscreteLoss, 25);
            var pending = Enumerable.Range(25, 4).Select(id => tuner.Propose(new TrialSettings { TrialId = id }).ToString()).ToList();
            pending.Should().OnlyHaveUniqueItems($"seed {seed}");
        }
    }

    [Fact]
    public void Four_pending_proposals_are_pairwise_distinct_in_multivariate_mode_while_workers_keep_finishing()
    {
        // The benchmark's simulation of four workers: four pending, the oldest finishes, a new one is proposed.
        var tuner = new TpeTuner(Quadratic2D(), new TpeOptions { Multivariate = true }, seed: 12);
        var pending = new Queue<(int Id, Parameter P)>();
        for (var id = 0; id < 80; id++)
        {
            if (pending.Count == 4)
            {
                var (doneId, done) = pending.Dequeue();
                tuner.Update(Result(doneId, done, Quadratic(done)));
            }
            pending.Enqueue((id, tuner.Propose(new TrialSettings { TrialId = id })));
            pending.Select(t => t.P.ToString()).Should().OnlyHaveUniqueItems($"at trial {id}");
        }
    }

    [Fact]
    public void A_pending_trial_counts_as_good_with_the_good_share_of_finished_trials_and_as_bad_with_the_rest()
    {
        var tuner = new TpeTuner(Quadratic2D(), new TpeOptions { Multivariate = true }, seed: 6);
        Run(tuner, Quadratic, 30);
        tuner.Propose(new TrialSettings { TrialId = 30 });
        var split = tuner.SplitOf(0);
        // gamma(30) = 3 good of 30 finished: the pending trial is good with weight 3/30 and bad with weight 27/30.
        split.PendingGoodShare.Should().BeApproximately(0.1, 1e-12);
        split.Good.Select(t => t.Id).Should().HaveCount(4).And.Contain(30);
        split.GoodWeights[Array.FindIndex(split.Good, t => t.Id == 30)].Should().BeApproximately(0.1, 1e-12);
        split.BadWeights[Array.FindIndex(split.Bad, t => t.Id == 30)].Should().BeApproximately(0.9, 1e-12);
        split.GoodPending.Count(p => p).Should().Be(1);
        split.BadPending.Count(p => p).Should().Be(1);

        // LiarGoodShare = 0 is the pessimistic liar: pending trials are bad only.
        var pessimist = new TpeTuner(Quadratic2D(), new TpeOptions { Multivariate = true, LiarGoodShare = 0 }, seed: 6);
        Run(pessimist, Quadratic, 30);
        pessimist.Propose(new TrialSettings { TrialId = 30 });
        var pessimistSplit = pessimist.SplitOf(0);
        pessimistSplit.Good.Select(t => t.Id).Should().NotContain(30);
        pessimistSplit.BadWeights[Array.FindIndex(pessimistSplit.Bad, t => t.Id == 30)].Should().Be(1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_pending_point_lowers_l_over_g_around_it_and_leaves_the_finished_trials_kernels_alone(bool multivariate)
    {
        // Same seed and history, so both propose the same point p; only one of them then holds p as pending.
        var withLiar = new TpeTuner(Quadratic2D(), new TpeOptions { Multivariate = multivariate }, seed: 21);
        var withoutLiar = new TpeTuner(Quadratic2D(), new TpeOptions { Multivariate = multivariate, ConstantLiar = false }, seed: 21);
        Run(withLiar, Quadratic, 40);
        Run(withoutLiar, Quadratic, 40);
        var p = withLiar.Propose(new TrialSettings { TrialId = 40 });
        withoutLiar.Propose(new TrialSettings { TrialId = 40 }).ToString().Should().Be(p.ToString());
        var (x, y) = (p["x"].AsDouble(), p["y"].AsDouble());

        double Score(TpeTuner tuner, double px, double py)
        {
            if (multivariate)
            {
                var (good, bad) = tuner.EstimatorsOf(0);
                return good.LogDensity([px, py]) - bad.LogDensity([px, py]);
            }
            var (goodX, badX) = tuner.EstimatorsOf(0);
            var (goodY, badY) = tuner.EstimatorsOf(1);
            return goodX.LogDensity([px]) - badX.LogDensity([px]) + goodY.LogDensity([py]) - badY.LogDensity([py]);
        }

        // At p and within a few hundredths of the range around it, log l - log g drops.
        foreach (var (dx, dy) in new[] { (0.0, 0.0), (0.1, 0.0), (0.0, -0.1), (-0.1, 0.1) })
            Score(withLiar, x + dx, y + dy).Should().BeLessThan(Score(withoutLiar, x + dx, y + dy) - 0.1, $"at p + ({dx}, {dy})");

        // The finished trials' kernels keep their centres and, apart from the magic clip (which counts the pending kernel
        // among the kernels), their bandwidths: the pending point is nobody's neighbour.
        var (goodWith, _) = withLiar.EstimatorsOf(0);
        var (goodWithout, _) = withoutLiar.EstimatorsOf(0);
        var (muWith, sigmaWith) = goodWith.NumericKernelsOf(0);
        var (muWithout, sigmaWithout) = goodWithout.NumericKernelsOf(0);
        var finished = withLiar.SplitOf(0).GoodPending.Select((pending, i) => (pending, i)).Where(t => !t.pending).Select(t => t.i).ToArray();
        finished.Should().HaveCount(goodWithout.ObservationCount);
        // Magic clip: no kernel narrower than range / (kernels + 1), the prior's kernel included.
        const double range = 10;
        var clipWith = range / (goodWith.ObservationCount + 2);
        var clipWithout = range / (goodWithout.ObservationCount + 2);
        for (var k = 0; k < finished.Length; k++)
        {
            muWith[finished[k]].Should().Be(muWithout[k]);
            if (sigmaWithout[k] > clipWithout) sigmaWith[finished[k]].Should().Be(sigmaWithout[k]);
            else sigmaWith[finished[k]].Should().BeInRange(clipWith, clipWithout);
        }
    }

    [Fact]
    public void Failed_NaN_infinite_timed_out_and_pruned_trials_are_never_good()
    {
        var space = Quadratic2D();
        var tuner = new TpeTuner(space, seed: 1);
        var random = new Random(1);
        Parameter Point() => space.SampleFromFeatureSpace([random.NextDouble(), random.NextDouble()]);
        var id = 0;
        for (var i = 0; i < 20; i++) tuner.Update(Result(id++, Point(), 10 + i));
        var broken = new List<int>();
        foreach (var (loss, status) in new[]
                 {
                     (-100.0, TrialStatus.Failed), (double.NaN, TrialStatus.Succeeded), (double.NegativeInfinity, TrialStatus.Succeeded),
                     (double.PositiveInfinity, TrialStatus.Succeeded), (-50.0, TrialStatus.TimedOut), (-70.0, TrialStatus.Pruned),
                     (double.NaN, TrialStatus.Failed),
                 })
        {
            broken.Add(id);
            tuner.Update(Result(id++, Point(), loss, status));
        }
        var split = tuner.SplitOf(0);
        split.Good.Select(t => t.Id).Should().Equal([0, 1], "gamma(20 usable) = 2, the two smallest losses");
        split.Bad.Select(t => t.Id).Should().Contain(broken);
        split.Good.Length.Should().Be(2);

        // Even when nothing succeeded, nothing is good and proposals still work.
        var allFailed = new TpeTuner(space, seed: 2);
        for (var i = 0; i < 15; i++) allFailed.Update(Result(i, Point(), -1, TrialStatus.Failed));
        allFailed.SplitOf(0).Good.Should().BeEmpty();
        space.Invoking(s => s.MappingToFeatureSpace(allFailed.Propose(new TrialSettings { TrialId = 15 }))).Should().NotThrow();
    }

    [Fact]
    public void Cancelled_trials_are_forgotten_and_running_ones_stay_pending()
    {
        var tuner = new TpeTuner(Quadratic2D(), seed: 4);
        Run(tuner, Quadratic, 12);
        var p = tuner.Propose(new TrialSettings { TrialId = 12 });
        var q = tuner.Propose(new TrialSettings { TrialId = 13 });
        tuner.Update(Result(12, p, double.NaN, TrialStatus.Cancelled));
        tuner.Update(Result(13, q, double.NaN, TrialStatus.Running));
        var bad = tuner.SplitOf(0).Bad.Select(t => t.Id).ToList();
        bad.Should().NotContain(12);
        bad.Should().Contain(13);
    }

    [Fact]
    public void A_conditional_parameter_is_modelled_only_from_trials_in_which_it_was_active()
    {
        var space = TestSpaces.Mixed3();
        var view = space.ModelView;
        var random = new Random(11);
        var bTrials = new List<(Parameter, double)>();
        var aTrials = new List<(Parameter, double)>();
        while (bTrials.Count < 25 || aTrials.Count < 25)
        {
            var values = view.Sample(random);
            var p = view.Decode(values);
            var loss = Mixed3Loss(p) + random.NextDouble();
            if (p["branch"].AsString() == "B" && bTrials.Count < 25) bTrials.Add((p, loss));
            if (p["branch"].AsString() == "A" && aTrials.Count < 25) aTrials.Add((p, loss - 10)); // A trials rank best overall
        }
        foreach (var multivariate in new[] { false, true })
        {
            var onlyB = new TpeTuner(space, new TpeOptions { Multivariate = multivariate });
            var mixed = new TpeTuner(space, new TpeOptions { Multivariate = multivariate });
            for (var i = 0; i < 25; i++)
            {
                onlyB.Update(Result(i, bTrials[i].Item1, bTrials[i].Item2));
                mixed.Update(Result(2 * i, bTrials[i].Item1, bTrials[i].Item2));
                mixed.Update(Result(2 * i + 1, aTrials[i].Item1, aTrials[i].Item2));
            }
            foreach (var name in new[] { "branch:B.B_lr", "branch:B.B_depth", "branch:B.B_n" })
            {
                var index = view[name].Index;
                var (goodB, badB) = onlyB.EstimatorsOf(index);
                var (goodMixed, badMixed) = mixed.EstimatorsOf(index);
                goodMixed.ObservationCount.Should().Be(goodB.ObservationCount).And.Be(3, "gamma(25) = 3 of the B trials");
                badMixed.ObservationCount.Should().Be(badB.ObservationCount).And.Be(22);
                for (var t = 0; t < 50; t++)
                {
                    var point = goodB.Sample(random);
                    goodMixed.LogDensity(point).Should().Be(goodB.LogDensity(point));
                    badMixed.LogDensity(point).Should().Be(badB.LogDensity(point));
                }
            }
            // The selector, on the other hand, learns from every trial: A is the better branch.
            var selector = view["branch"].Index;
            var (goodSelector, _) = mixed.EstimatorsOf(selector);
            if (!multivariate)
                goodSelector.LogDensity([0.0]).Should().BeGreaterThan(goodSelector.LogDensity([1.0]));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void On_a_2D_quadratic_TPE_beats_random_search_after_60_trials(bool multivariate)
    {
        var seeds = Enumerable.Range(0, 10).ToArray();
        var tpe = seeds.Select(s => Best(new TpeTuner(Quadratic2D(), new TpeOptions { Multivariate = multivariate }, s), Quadratic, 60)).ToArray();
        var random = seeds.Select(s => Best(new RandomSearchTuner(Quadratic2D(), s), Quadratic, 60)).ToArray();
        // Random search's median best over 60 uniform draws is about 0.3 here; TPE concentrates near the optimum.
        Median(tpe).Should().BeLessThan(Median(random) / 3);
        tpe.Count(t => t < Median(random)).Should().BeGreaterThanOrEqualTo(8);
    }

    [Fact]
    public void Trials_it_did_not_propose_are_learned_from_their_parameters()
    {
        var space = Quadratic2D();
        var tuner = new TpeTuner(space, seed: 8);
        for (var i = 0; i < 20; i++)
        {
            var p = space.SampleFromFeatureSpace([i / 20.0, 0.5]);
            tuner.Update(Result(100 + i, p, Quadratic(p)));
        }
        tuner.SplitOf(0).Good.Should().HaveCount(2);
        // 20 known trials: past the start-up, the next proposal comes from the model.
        tuner.EstimatorsOf(0).Good.ObservationCount.Should().Be(2);
        tuner.Invoking(t => t.Update(Result(200, Parameter.Parse("""{"x":1}"""), 1))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Invalid_options_are_rejected_by_name()
    {
        var space = Quadratic2D();
        FluentActions.Invoking(() => new TpeTuner(space, new TpeOptions { NEiCandidates = 0 })).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*NEiCandidates*");
        FluentActions.Invoking(() => new TpeTuner(space, new TpeOptions { NStartupTrials = -1 })).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*NStartupTrials*");
        FluentActions.Invoking(() => new TpeTuner(space, new TpeOptions { PriorWeight = double.NaN })).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*PriorWeight*");
        FluentActions.Invoking(() => new TpeTuner(space, new TpeOptions { LiarGoodShare = 1.5 })).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*LiarGoodShare*");
        FluentActions.Invoking(() => new TpeTuner(space, new TpeOptions { LiarGoodShare = double.NaN })).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*LiarGoodShare*");
    }

    [Fact]
    public void Default_gamma_and_weights_follow_the_documented_rules()
    {
        TpeOptions.DefaultGamma(0).Should().Be(0);
        TpeOptions.DefaultGamma(1).Should().Be(1);
        TpeOptions.DefaultGamma(11).Should().Be(2);
        TpeOptions.DefaultGamma(1000).Should().Be(25);
        TpeOptions.DefaultWeights(10).Should().AllBeEquivalentTo(1.0);
        var w = TpeOptions.DefaultWeights(35);
        w[0].Should().BeApproximately(1.0 / 35, 1e-15);
        w[9].Should().BeApproximately(1.0, 1e-15);
        w.Skip(10).Should().AllBeEquivalentTo(1.0);
        w.Take(10).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Multivariate_mode_groups_the_parameters_that_are_active_together()
    {
        var space = TestSpaces.Mixed3();
        var view = space.ModelView;
        var univariate = new TpeTuner(space, seed: 1);
        var multivariate = new TpeTuner(space, new TpeOptions { Multivariate = true }, seed: 1);
        Run(univariate, Mixed3Loss, 30);
        Run(multivariate, Mixed3Loss, 30);
        multivariate.EstimatorsOf(view["branch"].Index).Good.Dimensions.Select(d => d.Name).Should().Equal("branch");
        multivariate.EstimatorsOf(view["branch:B.B_lr"].Index).Good.Dimensions.Select(d => d.Name)
            .Should().Equal("branch:B.B_depth", "branch:B.B_lr", "branch:B.B_n");
        univariate.EstimatorsOf(view["branch:B.B_lr"].Index).Good.Dimensions.Select(d => d.Name).Should().Equal("branch:B.B_lr");

        var plain = new TpeTuner(Quadratic2D(), new TpeOptions { Multivariate = true });
        Run(plain, Quadratic, 15);
        plain.EstimatorsOf(1).Good.Dimensions.Should().HaveCount(2, "an unconditional space is one joint density");
    }
}
