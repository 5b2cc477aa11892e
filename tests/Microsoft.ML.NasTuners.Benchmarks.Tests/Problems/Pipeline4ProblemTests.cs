using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class Pipeline4ProblemTests
{
    private readonly Pipeline4Problem _problem = new();

    private static Parameter With(Parameter basis, params (string Key, Parameter Value)[] changes)
    {
        var values = basis.ToDictionary(p => p.Key, p => p.Value);
        foreach (var (key, value) in changes) values[key] = value;
        return Parameter.CreateNestedParameter(values.ToArray());
    }

    // The shared steps at their optimum, with the given learner.
    private static Parameter Shared(string model, params (string Key, Parameter Value)[] learner) => Parameter.CreateNestedParameter(
    [
        KeyValuePair.Create("scaler", Parameter.FromString("standard")),
        KeyValuePair.Create("imputer", Parameter.FromString("median")),
        KeyValuePair.Create("n_features", Parameter.FromInt(64)),
        KeyValuePair.Create("holdout", Parameter.FromDouble(0.2)),
        KeyValuePair.Create("model", Parameter.FromString(model)),
        .. learner.Select(v => KeyValuePair.Create(v.Key, v.Value)),
    ]);

    [Fact]
    public void F_star_is_zero_and_attained_exactly_at_the_stated_optimum()
    {
        _problem.OptimalValue.Should().Be(0);
        _problem.Evaluate(Pipeline4Problem.Optimum).Should().Be(0);
    }

    [Fact]
    public void The_other_learners_bottom_out_at_their_offsets()
    {
        var linear = Shared("linear", ("L_l1", Parameter.FromDouble(1e-4)), ("L_l2", Parameter.FromDouble(1e-2)), ("L_iter", Parameter.FromInt(1000)),
            ("L_tol", Parameter.FromDouble(1e-4)), ("L_solver", Parameter.FromString("lbfgs")), ("L_intercept", Parameter.FromString("yes")));
        var trees = Shared("trees", ("T_leaves", Parameter.FromInt(32)), ("T_depth", Parameter.FromInt(8)), ("T_lr", Parameter.FromDouble(0.1)),
            ("T_trees", Parameter.FromInt(100)), ("T_subsample", Parameter.FromDouble(0.8)), ("T_colsample", Parameter.FromDouble(0.6)),
            ("T_min_child", Parameter.FromInt(8)), ("T_booster", Parameter.FromString("gbdt")));
        var knn = Shared("knn", ("K_k", Parameter.FromInt(16)), ("K_p", Parameter.FromDouble(2)), ("K_leaf", Parameter.FromInt(30)),
            ("K_scale", Parameter.FromDouble(1)), ("K_weights", Parameter.FromString("distance")), ("K_metric", Parameter.FromString("euclidean")));

        _problem.Evaluate(linear).Should().BeApproximately(0.25, 1e-12);
        _problem.Evaluate(trees).Should().BeApproximately(0.10, 1e-12);
        _problem.Evaluate(knn).Should().BeApproximately(0.35, 1e-12);
    }

    [Fact]
    public void Every_term_follows_the_documented_formula()
    {
        // Shared: minmax 0.08 + zero 0.06 + 0.02 (log2 256 − 6)² = 0.08 + 0.5 (0.5 − 0.2)² = 0.045: 0.265 in all.
        // Network: ℓ = 6 − 3 = 3, u = log2 16 − 7 = −3: 0.03·9 + 0.02·9 + 0.01·(−9) = 0.36; q = log10 1e-5 + 3 = −2,
        // t = log2 512 − 6 = 3: 0.25·4 + 0.05·(−6) + 0.02·9 = 0.88; dropout 1.5 (0.8 − 0.2)² = 0.54; wd 0.01 (−7 + 4)² = 0.09;
        // epochs 0.1 ((200 − 60) / 50)² = 0.784; sigmoid 0.15; sgd 0.08.
        var point = Parameter.CreateNestedParameter(
        [
            KeyValuePair.Create("scaler", Parameter.FromString("minmax")),
            KeyValuePair.Create("imputer", Parameter.FromString("zero")),
            KeyValuePair.Create("n_features", Parameter.FromInt(256)),
            KeyValuePair.Create("holdout", Parameter.FromDouble(0.5)),
            KeyValuePair.Create("model", Parameter.FromString("network")),
            KeyValuePair.Create("N_layers", Parameter.FromInt(6)),
            KeyValuePair.Create("N_units", Parameter.FromInt(16)),
            KeyValuePair.Create("N_lr", Parameter.FromDouble(1e-5)),
            KeyValuePair.Create("N_batch", Parameter.FromInt(512)),
            KeyValuePair.Create("N_dropout", Parameter.FromDouble(0.8)),
            KeyValuePair.Create("N_wd", Parameter.FromDouble(1e-7)),
            KeyValuePair.Create("N_epochs", Parameter.FromInt(200)),
            KeyValuePair.Create("N_activation", Parameter.FromString("sigmoid")),
            KeyValuePair.Create("N_optimizer", Parameter.FromString("sgd")),
        ]);

        _problem.Evaluate(point).Should().BeApproximately(0.08 + 0.06 + 0.08 + 0.045 + 0.36 + 0.88 + 0.54 + 0.09 + 0.784 + 0.15 + 0.08, 1e-12);
    }

    [Fact]
    public void Parameters_of_inactive_learners_do_not_matter()
    {
        // Points of every learner from random search; each is evaluated again carrying the other learners' values
        // from other points, as a tuner that remembers them might send them.
        var tuner = new RandomSearchTuner(_problem.SearchSpace, seed: 5);
        var points = Enumerable.Range(0, 400).Select(i => tuner.Propose(new TrialSettings { TrialId = i })).ToArray();
        var byModel = points.GroupBy(p => p["model"].AsString()).ToDictionary(g => g.Key, g => g.ToArray());
        byModel.Keys.Should().BeEquivalentTo(["linear", "trees", "network", "knn"]);

        foreach (var (model, own) in byModel)
        {
            for (var i = 0; i < 20; i++)
            {
                var point = own[i];
                var extras = byModel.Where(other => other.Key != model)
                    .SelectMany(other => other.Value[(i * 7) % other.Value.Length].Where(p => char.IsUpper(p.Key[0]) && p.Key[1] == '_'))
                    .Select(p => (p.Key, p.Value))
                    .ToArray();
                extras.Should().NotBeEmpty();
                _problem.Evaluate(With(point, extras)).Should().Be(_problem.Evaluate(point), model);
            }
        }
    }

    [Fact]
    public void Each_learner_has_10_to_20_active_parameters_of_mixed_types()
    {
        var view = _problem.SearchSpace.ModelView;
        var selector = view.Dimensions.Should().ContainSingle(d => d.IsBranchSelector).Subject;
        selector.ChoiceCount.Should().Be(4);
        var always = view.Dimensions.Count(d => !d.IsConditional);
        always.Should().Be(5, "four shared steps and the selector");
        var active = Enumerable.Range(0, 4).Select(b => always + view.Dimensions.Count(d => d.IsConditional && d.Condition!.ActiveValues.Contains(b))).ToArray();
        active.Should().Equal(11, 13, 14, 11);
        view.Dimensions.Should().Contain(d => d.Kind == DimensionKind.Integer && d.IsLog)
            .And.Contain(d => d.Kind == DimensionKind.Continuous && d.IsLog)
            .And.Contain(d => d.Kind == DimensionKind.Categorical && !d.IsBranchSelector)
            .And.Contain(d => d.Kind == DimensionKind.Integer && !d.IsLog);
    }

    [Fact]
    public void No_sampled_point_falls_below_its_learners_offset()
    {
        var tuner = new RandomSearchTuner(_problem.SearchSpace, seed: 9);
        var offsets = new Dictionary<string, double> { ["linear"] = 0.25, ["trees"] = 0.10, ["network"] = 0, ["knn"] = 0.35 };
        for (var i = 0; i < 5000; i++)
        {
            var p = tuner.Propose(new TrialSettings { TrialId = i });
            _problem.Evaluate(p).Should().BeGreaterThanOrEqualTo(offsets[p["model"].AsString()]);
        }
    }

    [Fact]
    public void Bad_parameters_and_budgets_are_rejected()
    {
        _problem.Invoking(p => p.Evaluate(With(Pipeline4Problem.Optimum, ("N_units", Parameter.FromInt(4096)))))
            .Should().Throw<ArgumentException>().WithMessage("*N_units*");
        _problem.Invoking(p => p.Evaluate(With(Pipeline4Problem.Optimum, ("scaler", Parameter.FromString("log")))))
            .Should().Throw<ArgumentException>().WithMessage("*scaler*");
        _problem.Invoking(p => p.Evaluate(Pipeline4Problem.Optimum, budget: 1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void It_is_registered()
    {
        BenchmarkProblems.Create("pipeline4").Should().BeOfType<Pipeline4Problem>();
    }
}
